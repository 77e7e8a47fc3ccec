import Foundation
import Yams

/// Turns a decoding failure into "at `users[0].user.token`: expected a string, found a number"
/// using the coding path, so a user can find the bad field. YAML syntax errors keep only line,
/// column and problem — never the text around them, which may hold a credential.
package enum DecodingErrorDescription {
    /// `itemOffset`: the error is in a batch of a list's items starting at that index, so the
    /// path reads `items[252].metadata.name`, as in the whole list.
    package static func describe(_ error: any Error, itemOffset: Int? = nil) -> String {
        if let error = error as? DecodingError {
            return describe(decodingError: error, itemOffset: itemOffset)
        }
        if let error = error as? YamlError {
            return describe(yamlError: error)
        }
        return "\(error)"
    }

    private static func describe(decodingError error: DecodingError, itemOffset: Int?) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            guard let itemOffset, let index = codingPath.first?.intValue else { return Self.path(codingPath) }
            return Self.path([ListIndexKey(stringValue: "items"), ListIndexKey(intValue: index + itemOffset)] + codingPath.dropFirst())
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "at \(path(context.codingPath)): expected \(article(for: type))"
        case .valueNotFound(let type, let context):
            return "at \(path(context.codingPath)): expected \(article(for: type)), found null"
        case .keyNotFound(let key, let context):
            return "at \(path(context.codingPath + [key])): required field is missing"
        case .dataCorrupted(let context):
            // Yams wraps a syntax error in dataCorrupted at the top level; its mark is what matters.
            if let yaml = context.underlyingError as? YamlError {
                return describe(yamlError: yaml)
            }
            let detail = context.debugDescription
            return context.codingPath.isEmpty ? "not valid JSON or YAML: \(underlyingMessage(context) ?? detail)" : "at \(path(context.codingPath)): \(detail)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func describe(yamlError error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return "YAML syntax error at line \(mark.line), column \(mark.column): \(problem)"
        case .reader(let problem, let offset, _, _):
            return "unreadable YAML\(offset.map { " at byte \($0)" } ?? ""): \(problem)"
        case .duplicatedKeysInMapping(let duplicates, _):
            return "YAML mapping repeats the key(s) \(duplicates.joined(separator: ", "))"
        default:
            return "invalid YAML"
        }
    }

    private static func underlyingMessage(_ context: DecodingError.Context) -> String? {
        guard let underlying = context.underlyingError as NSError? else { return nil }
        return underlying.userInfo["NSDebugDescription"] as? String
    }

    private struct ListIndexKey: CodingKey {
        var stringValue: String
        var intValue: Int?

        init(stringValue: String) {
            self.stringValue = stringValue
        }

        init(intValue: Int) {
            stringValue = String(intValue)
            self.intValue = intValue
        }
    }

    /// "`spec.containers[0].image`" — the kubectl explain notation.
    package static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return "`\(text.isEmpty ? "(top level)" : text)`"
    }

    /// What was expected, in words. Yams reports YAML node types (a scalar where the model
    /// wanted something else), JSONDecoder Swift types.
    private static func article(for type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is Node.Scalar.Type: "a single value (a string, number or true/false)"
        case is Node.Sequence.Type: "a list"
        case is Node.Mapping.Type: "an object"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
