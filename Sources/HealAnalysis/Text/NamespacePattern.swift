/// A namespace name or a glob over namespace names (`team-*`, `shop-?`): `*` matches any run
/// of characters, `?` exactly one. Namespace names are DNS labels, so nothing else needs quoting.
package struct NamespacePattern: Sendable, Equatable, CustomStringConvertible {
    package let text: String

    /// nil when `text` could not match any namespace: a typo such as `shop,team` (one string
    /// instead of a list) or upper case must fail loudly rather than silently never match.
    package init?(_ text: String) {
        guard text.count <= 63, text.wholeMatch(of: #/[a-z0-9*?][-a-z0-9*?]*/#) != nil else { return nil }
        self.text = text
    }

    package var description: String { text }

    package func matches(_ namespace: String) -> Bool {
        let pattern = Array(text.utf8)
        let name = Array(namespace.utf8)
        var p = 0
        var n = 0
        // Where the last `*` was and how much of `name` it has swallowed so far: on a
        // mismatch it swallows one more character and matching resumes after it.
        var star: Int?
        var swallowed = 0
        while n < name.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "?") || pattern[p] == name[n] {
                p += 1
                n += 1
            } else if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                star = p
                swallowed = n
                p += 1
            } else if let star {
                p = star + 1
                swallowed += 1
                n = swallowed
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
