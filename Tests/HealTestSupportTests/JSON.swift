import Foundation

/// Decoded JSON for assertions: equality ignores key order and formatting.
enum JSON: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    /// Built from JSONSerialization, which is far faster than probing with JSONDecoder.
    init(data: Data) throws {
        self.init(any: try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed))
    }

    private init(any value: Any) {
        switch value {
        case let number as NSNumber where String(cString: number.objCType) == "c":
            self = .bool(number.boolValue)
        case let number as NSNumber:
            self = .number(number.doubleValue)
        case let text as String:
            self = .string(text)
        case let elements as [Any]:
            self = .array(elements.map(JSON.init(any:)))
        case let members as [String: Any]:
            self = .object(members.mapValues(JSON.init(any:)))
        default:
            self = .null
        }
    }

    subscript(key: String) -> JSON? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    subscript(index: Int) -> JSON? {
        if case .array(let elements) = self, elements.indices.contains(index) { elements[index] } else { nil }
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var number: Double? { if case .number(let value) = self { value } else { nil } }
    var array: [JSON]? { if case .array(let value) = self { value } else { nil } }

    /// `metadata.name` of every element of `items`.
    var itemNames: [String] { (self["items"]?.array ?? []).compactMap { $0["metadata"]?["name"]?.string } }
}
