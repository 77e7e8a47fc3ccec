/// One header field. Values of credential-bearing headers are hidden from `description`.
package struct HTTPHeader: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    package var name: String
    package var value: String

    package init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    package var debugDescription: String { description }
    package var customMirror: Mirror {
        Mirror(self, children: ["name": name, "value": isSensitive ? "<redacted>" : value], displayStyle: .struct)
    }

    package var description: String {
        isSensitive ? "\(name): <redacted>" : "\(name): \(value)"
    }

    /// Authorization, cookies, API keys and anything named like a token or secret
    /// (X-API-Key, X-Auth-Token, Azure's api-key …).
    package var isSensitive: Bool {
        let lowered = name.lowercased()
        return ["authorization", "cookie", "api-key", "apikey", "token", "secret", "password", "auth"].contains(where: lowered.contains)
    }
}

extension Array where Element == HTTPHeader {
    /// The first value of a header, matched case-insensitively.
    package func value(for name: String) -> String? {
        first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
