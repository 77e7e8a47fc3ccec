import Foundation

/// A parsed `labelSelector` query parameter, with the API server's grammar and matching rules:
/// `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x,y)`, `a`, `!a`, joined by commas.
/// `!=` and `notin` also match objects that lack the label, as in Kubernetes.
/// Written apart from HealModel's `LabelSelectorExpression` on purpose: the fake stands in for
/// kube-apiserver (which rejects empty clauses), and the test that a live `-l` run matches a
/// `--snapshot` one would pass for any bug both sides shared.
struct LabelSelector: Sendable {
    enum Requirement: Sendable, Equatable {
        case equals(String, String)
        case notEquals(String, String)
        case isIn(String, Set<String>)
        case notIn(String, Set<String>)
        case exists(String)
        case doesNotExist(String)
    }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    let requirements: [Requirement]

    init(parsing text: String) throws {
        requirements = try Self.splitTopLevel(text).map(Self.parseRequirement)
    }

    func matches(_ labels: [String: String]) -> Bool {
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

    /// Splits on commas that are not inside a `( … )` value set.
    private static func splitTopLevel(_ text: String) throws -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(": depth += 1
            case ")": depth -= 1
            case "," where depth == 0:
                parts.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        parts.append(current)
        let trimmed = parts.map { $0.trimmingCharacters(in: .whitespaces) }
        if trimmed == [""] { return [] }
        if let empty = trimmed.firstIndex(of: "") {
            throw ParseError(description: "found '', expected: identifier (requirement \(empty + 1))")
        }
        return trimmed
    }

    private static func parseRequirement(_ text: String) throws -> Requirement {
        if text.hasPrefix("!") {
            return .doesNotExist(try key(text.dropFirst()))
        }
        for (op, make) in [("!=", Requirement.notEquals), ("==", Requirement.equals), ("=", Requirement.equals)] {
            if let range = text.range(of: op) {
                return make(try key(text[..<range.lowerBound]), String(text[range.upperBound...]).trimmed)
            }
        }
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        if words.count == 2 {
            let rest = words[1].trimmed
            for (op, make) in [("notin", Requirement.notIn), ("in", Requirement.isIn)] where rest.hasPrefix(op) {
                return make(try key(Substring(words[0])), try valueSet(rest.dropFirst(op.count)))
            }
        }
        return .exists(try key(Substring(text)))
    }

    private static func key(_ text: Substring) throws -> String {
        let key = String(text).trimmed
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./")
        guard !key.isEmpty, key.allSatisfy(allowed.contains) else {
            throw ParseError(description: "invalid label key \"\(key)\"")
        }
        return key
    }

    private static func valueSet(_ text: Substring) throws -> Set<String> {
        let inner = String(text).trimmed
        guard inner.hasPrefix("("), inner.hasSuffix(")") else {
            throw ParseError(description: "found '\(inner)', expected: '('")
        }
        return Set(inner.dropFirst().dropLast().split(separator: ",").map { String($0).trimmed })
    }
}

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
