import HealModel

/// How timeline sentences write times.
package enum TimelineText {
    /// "10:02:07" (UTC), for a time inside a sentence.
    package static func clock(_ time: Timestamp) -> String {
        String(time.description.dropFirst(11).prefix(8))
    }
}
