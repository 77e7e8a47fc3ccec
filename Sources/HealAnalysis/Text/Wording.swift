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

    /// What the cluster has of a kind, for "X does not exist (…)": "the cluster has no
    /// StorageClass", "the cluster's only StorageClass is standard", "the cluster's
    /// StorageClasses are fast and standard".
    package static func clusterHas(_ names: [String], _ singular: String, _ plural: String? = nil) -> String {
        switch names.count {
        case 0: "the cluster has no \(singular)"
        case 1: "the cluster's only \(singular) is \(names[0])"
        default: "the cluster's \(plural ?? singular + "es") are \(list(names))"
        }
    }

    /// A log line or message, secrets masked, cut to a length a table can show. Masking comes
    /// first because a token cut in half no longer looks like one to the scrubber.
    package static func clip(_ text: String, _ limit: Int = 160) -> String {
        let single = SecretScrubber.scrub(text).replacingOccurrences(of: "\n", with: " ")
        return single.count <= limit ? single : String(single.prefix(limit - 1)) + "…"
    }
}
