/// A maximal run of name characters `[A-Za-z0-9._-]`, the unit the anonymizer looks up. Dots
/// and hyphens at either end are set apart from the token: they are sentence punctuation
/// ("pod web-0 failed.") or list dashes, never part of a Kubernetes name.
struct NameRun {
    /// The whole run.
    let start: Int
    let end: Int
    /// The run without its edge dots and hyphens; empty for a run of punctuation only.
    let tokenStart: Int
    let tokenEnd: Int

    init(in text: TextBytes, at start: Int) {
        var end = start
        while end < text.count, ASCIIByte.isName(text[end]) { end += 1 }
        var tokenStart = start
        var tokenEnd = end
        while tokenStart < tokenEnd, Self.isEdgePunctuation(text[tokenStart]) { tokenStart += 1 }
        while tokenEnd > tokenStart, Self.isEdgePunctuation(text[tokenEnd - 1]) { tokenEnd -= 1 }
        self.start = start
        self.end = end
        self.tokenStart = tokenStart
        self.tokenEnd = tokenEnd
    }

    var token: Range<Int> { tokenStart..<tokenEnd }
    var hasToken: Bool { tokenStart < tokenEnd }
    /// Nothing was trimmed before the token: what precedes the run precedes the token.
    var isTokenAtStart: Bool { tokenStart == start }
    /// Nothing was trimmed after the token: what follows the run follows the token.
    var isTokenAtEnd: Bool { tokenEnd == end }

    /// The token's parts between dots and underscores (`web.shop.svc` → web, shop, svc;
    /// `web-0_shop` → web-0, shop, as the kubelet writes pod and namespace). Empty parts are
    /// kept so that ranges stay adjacent.
    func parts(in text: TextBytes) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var partStart = tokenStart
        for index in tokenStart..<tokenEnd where text[index] == ASCIIByte.dot || text[index] == ASCIIByte.underscore {
            parts.append(partStart..<index)
            partStart = index + 1
        }
        parts.append(partStart..<tokenEnd)
        return parts
    }

    private static func isEdgePunctuation(_ byte: UInt8) -> Bool {
        byte == ASCIIByte.dot || byte == ASCIIByte.hyphen
    }
}

extension NameRun {
    /// Copies the token to `output`, replacing, left to right, the longest span of at most
    /// `maxParts` adjacent parts that `replacement` answers for (`web.shop` → two spans, a pod
    /// `web-abc12` → one, not `web`).
    func replacingParts(
        in text: TextBytes, maxParts: Int, into output: inout [UInt8],
        replacement: (_ span: String, _ isOnePart: Bool) -> String?
    ) {
        let parts = parts(in: text)
        var copied = tokenStart
        var first = 0
        while first < parts.count {
            var next = first + 1
            for end in stride(from: min(parts.count, first + maxParts), to: first, by: -1) {
                let span = parts[first].lowerBound..<parts[end - 1].upperBound
                guard !span.isEmpty, let replaced = replacement(text.string(span), end - first == 1) else { continue }
                text.copy(copied..<span.lowerBound, to: &output)
                output.append(contentsOf: replaced.utf8)
                copied = span.upperBound
                next = end
                break
            }
            first = next
        }
        text.copy(copied..<tokenEnd, to: &output)
    }
}
