/// Deterministic stand-ins for what Kubernetes draws at random (uids, name suffixes, IDs), so a
/// test run is reproducible: FNV-1a over a seed string.
enum StableHash {
    static func fnv64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func fnv32(_ text: String) -> UInt32 {
        var hash: UInt32 = 0x811c_9dc5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    /// `count` lowercase hex digits.
    static func hex(_ seed: String, count: Int) -> String {
        var digits = ""
        var round = 0
        while digits.count < count {
            let word = String(fnv64("\(round):\(seed)"), radix: 16)
            digits += String(repeating: "0", count: 16 - word.count) + word
            round += 1
        }
        return String(digits.prefix(count))
    }

    /// A version-4-shaped UUID.
    static func uuid(_ seed: String) -> String {
        let digits = Array(hex(seed, count: 32))
        func part(_ range: Range<Int>) -> String { String(digits[range]) }
        return "\(part(0..<8))-\(part(8..<12))-4\(part(13..<16))-8\(part(17..<20))-\(part(20..<32))"
    }

    /// The alphabet of apimachinery's `rand.SafeEncodeString` (no vowels, no look-alikes).
    private static let safeAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    /// `count` characters of that alphabet, like a generated name's suffix (`web-blue-…-8npp6`).
    static func suffix(_ seed: String, count: Int = 5) -> String {
        var value = fnv64(seed)
        return String((0..<count).map { _ in
            defer { value /= UInt64(safeAlphabet.count) }
            return safeAlphabet[Int(value % UInt64(safeAlphabet.count))]
        })
    }

    /// The deployment controller's `pod-template-hash`: FNV-32a of the template, its decimal
    /// digits mapped through the safe alphabet (`5959b56b7c`).
    static func podTemplateHash(_ template: String) -> String {
        String(String(fnv32(template)).utf8.map { safeAlphabet[Int($0) % safeAlphabet.count] })
    }
}
