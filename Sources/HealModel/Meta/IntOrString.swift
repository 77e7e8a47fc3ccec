/// A field that holds a number or a name, like a Service's `targetPort` or a PDB's `minAvailable`.
package enum IntOrString: Sendable, Hashable, Decodable, CustomStringConvertible {
    case int(Int)
    case string(String)

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .int(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    package var description: String {
        switch self {
        case .int(let number): String(number)
        case .string(let text): text
        }
    }
}
