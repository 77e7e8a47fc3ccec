import HealAnalysis
import HealModel
import Yams

/// Where a hand-written YAML file (a heal policy, the config file) does not have the shape its
/// format asks for. Each format wraps it in its own error, which names the file and the line.
package enum YAMLShapeProblem: Sendable, Equatable {
    case notAMapping(place: String)
    case notAList(place: String)
    case notAString(place: String)
    case missingField(key: String, place: String)
    /// A key the format does not have, usually a typo (`alow`); `valid` are the keys allowed there.
    case unknownKey(key: String, place: String, valid: [String])
    case badSelector(selector: String, place: String)
    case badNamespacePattern(pattern: String, place: String)

    package var text: String {
        switch self {
        case .notAMapping(let place): "\(place) must be a mapping (key: value lines)"
        case .notAList(let place): "\(place) must be a list, e.g. [a, b]"
        case .notAString(let place): "\(place) must be a single value, not a list or mapping"
        case .missingField(let key, let place): "\(place) has no \(key)"
        case .unknownKey(let key, let place, let valid): "\(place) has an unknown key \"\(key)\"\(Wording.suggestion(for: key, among: valid))"
        case .badSelector(let selector, let place): "\(place) has an invalid label selector \"\(selector)\""
        case .badNamespacePattern(let pattern, let place):
            "\(place) has an invalid namespace \"\(pattern)\": a namespace name, optionally with * and ? wildcards"
        }
    }

    /// What to change next, where that does not depend on the format; nil where it does.
    package var hint: String? {
        switch self {
        case .unknownKey(_, _, let valid): "the keys allowed there are \(valid.joined(separator: ", "))"
        case .badSelector: "write it as for kubectl -l, e.g. \"app=web,tier!=db\" or \"env in (prod,staging)\""
        case .badNamespacePattern: "list several namespaces as a YAML list, e.g. namespaces: [shop, team-*]"
        case .notAMapping, .notAList, .notAString, .missingField: nil
        }
    }
}

package struct YAMLShapeError: Error, Sendable {
    /// 1-based, when the YAML node carries a position.
    package var line: Int?
    package var problem: YAMLShapeProblem
}

/// Reads YAML node by node rather than through Codable, so that a typo'd key is an error with
/// its line instead of being ignored. `wrap` turns a shape problem into the format's own error.
package struct StrictYAMLReader<Failure: Error> {
    private let wrap: (YAMLShapeError) -> Failure

    package init(wrap: @escaping (YAMLShapeError) -> Failure) {
        self.wrap = wrap
    }

    /// The mapping's values by key, rejecting keys not in `keys`. Null values count as absent,
    /// so `selector:` with nothing after it means the same as leaving the line out.
    package func fields(of node: Yams.Node, place: String, keys: [String]) throws(Failure) -> [String: Yams.Node] {
        guard let mapping = node.mapping else { throw error(at: node, .notAMapping(place: place)) }
        var fields: [String: Yams.Node] = [:]
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            guard keys.contains(name) else { throw error(at: key, .unknownKey(key: name, place: place, valid: keys)) }
            if value.null == nil { fields[name] = value }
        }
        return fields
    }

    package func string(_ node: Yams.Node, place: String) throws(Failure) -> String {
        guard let scalar = node.scalar else { throw error(at: node, .notAString(place: place)) }
        return scalar.string
    }

    package func requiredString(
        _ fields: [String: Yams.Node], _ key: String, in parent: Yams.Node, place: String
    ) throws(Failure) -> (value: String, node: Yams.Node) {
        guard let node = fields[key] else { throw error(at: parent, .missingField(key: key, place: place)) }
        return (try string(node, place: key), node)
    }

    package func list(_ node: Yams.Node, place: String) throws(Failure) -> [Yams.Node] {
        guard let sequence = node.sequence else { throw error(at: node, .notAList(place: place)) }
        return Array(sequence)
    }

    /// `namespaces: [shop, team-*]`: names or globs; none when absent.
    package func namespacePatterns(_ node: Yams.Node?, place: String) throws(Failure) -> [NamespacePattern] {
        guard let node else { return [] }
        var patterns: [NamespacePattern] = []
        for item in try list(node, place: "\(place) namespaces") {
            let text = try string(item, place: "\(place) namespaces")
            guard let pattern = NamespacePattern(text) else { throw error(at: item, .badNamespacePattern(pattern: text, place: place)) }
            patterns.append(pattern)
        }
        return patterns
    }

    /// `selector: app=web,tier!=db`, as for kubectl -l; nil when absent.
    package func selector(_ node: Yams.Node?, place: String) throws(Failure) -> (text: String, expression: LabelSelectorExpression)? {
        guard let node else { return nil }
        let text = try string(node, place: "\(place) selector")
        guard let expression = LabelSelectorExpression(text) else { throw error(at: node, .badSelector(selector: text, place: place)) }
        return (text, expression)
    }

    private func error(at node: Yams.Node, _ problem: YAMLShapeProblem) -> Failure {
        wrap(YAMLShapeError(line: node.mark?.line, problem: problem))
    }
}
