import Synchronization

/// Masks secret-looking values in text that goes into a report (log lines, event messages):
/// `PASSWORD is: s3cret`, `token=…`, `Authorization: Bearer …`, JWTs, credentials in URLs and
/// AWS access keys. Names stay visible — "MYSQL_ROOT_PASSWORD is: <redacted>" still says
/// what is set — values never do.
package enum SecretScrubber {
    package static let mask = "<redacted>"

    /// Scrubbed texts by input. In a mass failure ten thousand pods quote the same condition or
    /// event message, so each distinct text is scrubbed once (bounded: cleared when full).
    private static let memo = Mutex<[String: String]>([:])
    private static let memoLimit = 4096

    package static func scrub(_ input: String) -> String {
        if let known = memo.withLock({ $0[input] }) { return known }
        let result = scrubbed(input)
        memo.withLock { memo in
            if memo.count >= memoLimit { memo.removeAll(keepingCapacity: true) }
            memo[input] = result
        }
        return result
    }

    private static func scrubbed(_ input: String) -> String {
        let text = printable(input)
        // Swift regexes are slow; most messages contain none of the trigger words, so a plain
        // substring check decides whether each pattern needs to run at all.
        let lowered = text.lowercased()
        var result = text
        if secretWords.contains(where: lowered.contains) {
            result = result.replacing(keyValue) { match in
                let value = match.output.value
                guard !value.isEmpty, value != "\"\"", value != "''" else { return String(match.output.0) }
                let quote = value.first.map { $0 == "\"" || $0 == "'" ? String($0) : "" } ?? ""
                return "\(match.output.key)\(match.output.keyQuote)\(match.output.separator)\(quote)\(mask)\(quote)"
            }
        }
        if lowered.contains("bearer") || lowered.contains("basic") {
            result = result.replacing(bearer) { match in "\(match.output.scheme) \(mask)" }
        }
        if text.contains("://"), text.contains("@") {
            result = result.replacing(urlCredentials) { match in "\(match.output.prefix)\(mask)@" }
        }
        if text.contains("eyJ") {
            result = result.replacing(jwt) { _ in mask }
        }
        if text.contains("AKIA") || text.contains("ASIA") {
            result = result.replacing(awsAccessKey) { _ in mask }
        }
        return result
    }

    /// Text from logs may carry terminal escape sequences and control characters: they would
    /// recolour or move the cursor of whoever reads the report, and break XML. Colour codes are
    /// dropped, other controls (but tab and newline) become spaces.
    package static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" && $0 != "\n" || $0.value == 0x7F }) else { return text }
        let withoutEscapes = text.replacing(terminalEscape) { _ in "" }
        return String(String.UnicodeScalarView(withoutEscapes.unicodeScalars.map { scalar in
            (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || scalar.value == 0x7F ? " " : scalar
        }))
    }

    /// Lower-case words every secret key of `keyValue` contains.
    private static let secretWords = ["pass", "pwd", "secret", "token", "key", "credential"]

    /// A key that names a secret (optionally quoted, as in JSON), a separator ("=", ":", " is:")
    /// and the value: quoted, or up to whitespace or punctuation.
    nonisolated(unsafe) private static let keyValue =
        #/(?<key>[A-Za-z0-9_.\-]*(?i:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)[A-Za-z0-9_.\-]*)(?<keyQuote>["']?)(?<separator>\s*(?:=|:|\bis:)\s*)(?<value>"[^"]*"|'[^']*'|[^\s,;"'&}]*)/#
    /// An HTTP credential: the scheme (case-insensitive, as HTTP defines it) and a token-like value
    /// (it has a digit or symbol, so "Basic authentication" stays prose).
    nonisolated(unsafe) private static let bearer = #/(?<scheme>(?i:bearer|basic))\s+(?=[A-Za-z0-9._~+\/=\-]*[0-9._~+\/=\-])[A-Za-z0-9._~+\/=\-]{8,}/#
    nonisolated(unsafe) private static let urlCredentials = #/(?<prefix>[a-zA-Z][a-zA-Z0-9+.\-]*:\/\/[^\s:@\/]+:)[^\s@\/]+@/#
    nonisolated(unsafe) private static let jwt = #/eyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]{5,}/#
    nonisolated(unsafe) private static let awsAccessKey = #/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/#
    nonisolated(unsafe) private static let terminalEscape = #/\u{1B}\[[0-9;?]*[ -\/]*[@-~]/#
}
