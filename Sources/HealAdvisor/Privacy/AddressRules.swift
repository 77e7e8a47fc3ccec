/// What counts as an IP address in text, and which addresses say nothing about a cluster.
/// Loopback, "any" and netmasks stay visible: "connection refused 127.0.0.1:5432" tells the
/// model the application dials its own pod, and no cluster is identified by them.
enum AddressRules {
    /// The IPv6 address that starts at `index`, if one does: hex groups and colons with at least
    /// two colons, standing alone (a trailing colon, as in "fd00::5: refused", and a
    /// sentence-ending dot are not part of it).
    static func ipv6(in text: TextBytes, at index: Int) -> Range<Int>? {
        guard let first = text.byte(at: index), ASCIIByte.isHexDigit(first) || first == ASCIIByte.colon,
            text.isTokenStart(index)
        else { return nil }
        var end = index
        var colons = 0
        while let byte = text.byte(at: end), ASCIIByte.isHexDigit(byte) || byte == ASCIIByte.colon {
            if byte == ASCIIByte.colon { colons += 1 }
            end += 1
        }
        if let next = text.byte(at: end), ASCIIByte.isName(next) {
            // "::ffff:10.0.0.1" or "a::b-c" go on as something else; "at fd00::5." ends here.
            let afterDot = text.byte(at: end + 1)
            guard next == ASCIIByte.dot, afterDot.map(ASCIIByte.isName) != true else { return nil }
        }
        if end - index >= 2, text[end - 1] == ASCIIByte.colon, text[end - 2] != ASCIIByte.colon {
            end -= 1
            colons -= 1
        }
        guard colons >= 2, isIPv6(text.bytes[index..<end]) else { return nil }
        return index..<end
    }

    /// An address worth masking: at least two groups and a digit, so that neither "::1" nor
    /// `a::b`-like code is one.
    static func isIdentifyingIPv6(_ address: String) -> Bool {
        let groups = address.split(separator: ":")
        return groups.count >= 2 && address.utf8.contains(where: ASCIIByte.isDigit)
    }

    /// Four decimal octets 0–255.
    static func isIPv4(_ token: some Collection<UInt8>) -> Bool {
        octets(token) != nil
    }

    static func isIdentifyingIPv4(_ token: some Collection<UInt8>) -> Bool {
        guard let octets = octets(token) else { return false }
        // 0.0.0.0, loopback, netmasks and the cloud metadata address identify no one.
        if [0, 127, 255].contains(octets[0]) { return false }
        return octets != [169, 254, 169, 254]
    }

    private static func octets(_ token: some Collection<UInt8>) -> [Int]? {
        let parts = token.split(separator: ASCIIByte.dot, omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var octets: [Int] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(ASCIIByte.isDigit) else { return nil }
            let value = part.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            guard value <= 255 else { return nil }
            octets.append(value)
        }
        return octets
    }

    /// RFC 4291 text form without an embedded IPv4 part: 8 groups of 1–4 hex digits, or fewer
    /// with one `::`.
    private static func isIPv6(_ bytes: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        let halves = text.split(separator: "::", omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return false }
        var groupCount = 0
        for half in halves where !half.isEmpty {
            for group in half.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.utf8.count), group.utf8.allSatisfy(ASCIIByte.isHexDigit) else { return false }
                groupCount += 1
            }
        }
        return halves.count == 2 ? groupCount <= 7 : groupCount == 8
    }
}
