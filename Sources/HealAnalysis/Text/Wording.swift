import Foundation

/// Small helpers for readable sentences.
package enum Wording {
    /// "A", "A and B", "A, B and C".
    package static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// "1 restart", "4 restarts".
    package static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(value) \(value == 1 ? singular : (plural ?? singular + "s"))"
    }

    /// A log line or message, secrets masked, cut to a length a table can show. Masking comes
    /// first because a token cut in half no longer looks like one to the scrubber.
    package static func clip(_ text: String, _ limit: Int = 160) -> String {
        let single = SecretScrubber.scrub(text).replacingOccurrences(of: "\n", with: " ")
        return single.count <= limit ? single : String(single.prefix(limit - 1)) + "…"
    }
}
