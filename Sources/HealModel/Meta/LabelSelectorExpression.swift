import Foundation

/// A label selector as kubectl's `-l` takes it: `app=web,tier!=cache,env in (prod,staging),!legacy,team`.
/// Offline snapshots are filtered with it exactly as the API server would filter a live list.
package struct LabelSelectorExpression: Sendable, Equatable {
    package enum Requirement: Sendable, Equatable {
        case equals(String, String)
        case notEquals(String, String)
        case isIn(String, Set<String>)
        case notIn(String, Set<String>)
        case exists(String)
        case doesNotExist(String)
    }

    package var requirements: [Requirement]

    /// nil when the text is not a valid selector.
    package init?(_ text: String) {
        var requirements: [Requirement] = []
        for clause in Self.clauses(text) {
            guard let requirement = Self.requirement(clause) else { return nil }
            requirements.append(requirement)
        }
        self.requirements = requirements
    }

    package func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { requirement in
            switch requirement {
            case .equals(let key, let value): labels[key] == value
            case .notEquals(let key, let value): labels[key] != value
            case .isIn(let key, let values): labels[key].map(values.contains) ?? false
            case .notIn(let key, let values): !(labels[key].map(values.contains) ?? false)
            case .exists(let key): labels[key] != nil
            case .doesNotExist(let key): labels[key] == nil
            }
        }
    }

    /// Splits on commas outside parentheses.
    private static func clauses(_ text: String) -> [String] {
        var clauses: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                clauses.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        clauses.append(current)
        return clauses.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func requirement(_ clause: String) -> Requirement? {
        if let match = clause.wholeMatch(of: #/(?<key>[^\s!=(),]+)\s+(?<op>in|notin)\s+\((?<values>[^()]*)\)/#) {
            let values = Set(match.output.values.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            let key = String(match.output.key)
            return match.output.op == "in" ? .isIn(key, values) : .notIn(key, values)
        }
        if let match = clause.wholeMatch(of: #/(?<key>[^\s!=(),]+)\s*!=\s*(?<value>[^\s!=(),]*)/#) {
            return .notEquals(String(match.output.key), String(match.output.value))
        }
        if let match = clause.wholeMatch(of: #/(?<key>[^\s!=(),]+)\s*==?\s*(?<value>[^\s!=(),]*)/#) {
            return .equals(String(match.output.key), String(match.output.value))
        }
        if let match = clause.wholeMatch(of: #/!\s*(?<key>[^\s!=(),]+)/#) {
            return .doesNotExist(String(match.output.key))
        }
        if let match = clause.wholeMatch(of: #/(?<key>[^\s!=(),]+)/#) {
            return .exists(String(match.output.key))
        }
        return nil
    }
}
