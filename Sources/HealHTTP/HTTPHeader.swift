/// One header field. Values of credential-bearing headers are hidden from `description`.
package struct HTTPHeader: Sendable, Equatable, CustomStringConvertible {
    package var name: String
    package var value: String

    package init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    package var description: String {
        let sensitive = ["authorization", "proxy-authorization", "api-key", "cookie"]
        return sensitive.contains(name.lowercased()) ? "\(name): <redacted>" : "\(name): \(value)"
    }
}

extension Array where Element == HTTPHeader {
    /// The first value of a header, matched case-insensitively.
    package func value(for name: String) -> String? {
        first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
