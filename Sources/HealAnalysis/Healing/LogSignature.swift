/// A crash log reduced to what stays the same from one occurrence to the next: timestamps,
/// UUIDs, hex ids and hashes, IP addresses and numbers are replaced by placeholders, so two
/// crashes of the same bug share a signature while a different error does not.
package enum LogSignature {
    /// At most this many lines make the signature: the lines that say "error"/"fatal"/…, else
    /// the last lines (where a crashing program says why it stops).
    static let lineLimit = 3

    package static func of(_ lines: [String]) -> String {
        let normalised = lines.map(normalise).filter { !$0.isEmpty }
        var unique: [String] = []
        for line in normalised where !unique.contains(line) { unique.append(line) }
        let telling = unique.filter { line in
            let lowered = line.lowercased()
            return tellingWords.contains { lowered.contains($0) }
        }
        let chosen = telling.isEmpty ? Array(unique.suffix(lineLimit)) : Array(telling.suffix(lineLimit))
        return chosen.joined(separator: " | ")
    }

    package static func normalise(_ line: String) -> String {
        var text = SecretScrubber.scrub(line)
        for (pattern, placeholder) in replacements {
            text = text.replacing(pattern) { _ in placeholder }
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static let tellingWords = ["error", "fatal", "panic", "exception", "missing", "not set", "refused", "denied", "killed", "failed"]

    // Order matters: whole timestamps and ids first, so their digits do not become "#" pieces.
    nonisolated(unsafe) private static let replacements: [(Regex<Substring>, String)] = [
        (#/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?/#, "<time>"),
        (#/\b\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\b/#, "<time>"),
        (#/\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/#, "<id>"),
        (#/\b(?:sha256:)?[0-9a-fA-F]{12,}\b/#, "<hash>"),
        (#/\b0x[0-9a-fA-F]+\b/#, "<hex>"),
        (#/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/#, "<ip>"),
        (#/\d+(?:\.\d+)?/#, "#"),
    ]
}
