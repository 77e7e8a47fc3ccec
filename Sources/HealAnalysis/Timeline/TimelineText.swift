import HealModel

/// How timeline sentences write times.
package enum TimelineText {
    /// "10:02:07" (UTC), for a time inside a sentence; with the date when it is not the same
    /// day as `reference`.
    package static func clock(_ time: Timestamp, sameDayAs reference: Timestamp? = nil) -> String {
        let text = time.description
        if let reference, reference.description.prefix(10) != text.prefix(10) { return text }
        return String(text.dropFirst(11).prefix(8))
    }
}
