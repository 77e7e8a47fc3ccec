/// The names and addresses a cluster uses, each with the kinds it is known as. The anonymizer
/// looks every token of a text up here, so this is a dictionary and not a list of patterns:
/// clusters hold tens of thousands of names.
package struct KnownIdentifiers: Sendable {
    /// Kinds as bits of their rank (`IdentifierKind.allCases` has fewer than 32 cases).
    private var kindBits: [String: UInt32] = [:]
    /// The most dot- or underscore-separated parts any known name has (`ip-10-0-1-5.ec2.internal`
    /// has 3): the anonymizer looks up runs of at most this many parts inside longer tokens.
    package private(set) var longestPartCount = 1

    package init() {}

    package var count: Int { kindBits.count }

    /// Records `value` as an identifier of `kind`. Empty values are ignored; a registry or host
    /// written with a port (`registry.acme.io:5000`) is recorded without it, since a port is
    /// no name character and text is matched token by token; an IPv6 address given as `.ip` is
    /// recorded as `.ipv6`.
    package mutating func add(_ value: String, as kind: IdentifierKind) {
        var value = value
        var kind = kind
        if kind == .host || kind == .registry { value = Self.withoutPort(value) }
        if kind == .host, value.hasSuffix(".") { value.removeLast() }
        if kind == .ip, value.contains(":") { kind = .ipv6 }
        guard !value.isEmpty else { return }
        kindBits[value, default: 0] |= 1 << UInt32(kind.rank)
        let parts = value.utf8.reduce(1) { $1 == UInt8(ascii: ".") || $1 == UInt8(ascii: "_") ? $0 + 1 : $0 }
        longestPartCount = max(longestPartCount, parts)
    }

    package func contains(_ value: String) -> Bool {
        kindBits[value] != nil
    }

    /// The kind `value`'s placeholder takes: the most telling of the kinds it is known as.
    package func kind(of value: String) -> IdentifierKind? {
        guard let bits = kindBits[value] else { return nil }
        return IdentifierKind.allCases[bits.trailingZeroBitCount]
    }

    package func isKnown(_ value: String, as kind: IdentifierKind) -> Bool {
        guard let bits = kindBits[value] else { return false }
        return bits & (1 << UInt32(kind.rank)) != 0
    }

    /// `host:port` → `host`; an IPv6 address (more than one colon) is left alone.
    private static func withoutPort(_ value: String) -> String {
        guard let colon = value.lastIndex(of: ":"), value.firstIndex(of: ":") == colon else { return value }
        let port = value[value.index(after: colon)...]
        guard !port.isEmpty, port.utf8.allSatisfy(ASCIIByte.isDigit) else { return value }
        return String(value[..<colon])
    }
}
