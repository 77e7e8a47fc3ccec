/// `matchLabels` + `matchExpressions`, as Deployments, PDBs and other workloads use them.
package struct LabelSelector: Decodable, Sendable, Hashable {
    package struct Requirement: Decodable, Sendable, Hashable {
        package var key: String
        package var `operator`: String
        @DefaultEmpty package var values: [String]
    }

    @DefaultEmpty package var matchLabels: [String: String]
    @DefaultEmpty package var matchExpressions: [Requirement]

    package init(matchLabels: [String: String] = [:]) {
        self.matchLabels = matchLabels
    }

    /// Kubernetes semantics: an empty selector matches everything.
    package func matches(_ labels: [String: String]) -> Bool {
        for (key, value) in matchLabels where labels[key] != value {
            return false
        }
        for requirement in matchExpressions {
            let value = labels[requirement.key]
            switch requirement.operator {
            case "In": if value.map(requirement.values.contains) != true { return false }
            case "NotIn": if let value, requirement.values.contains(value) { return false }
            case "Exists": if value == nil { return false }
            case "DoesNotExist": if value != nil { return false }
            default: return false
            }
        }
        return true
    }
}

extension Dictionary where Key == String, Value == String {
    /// A Service-style selector (plain map). An empty map selects nothing, as for Services.
    package func selects(_ labels: [String: String]) -> Bool {
        !isEmpty && allSatisfy { labels[$0.key] == $0.value }
    }

    /// "app=web,version=blue", keys sorted — for messages.
    package var selectorText: String {
        sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}
