import HealModel

/// A length of time as a user types it: 90s, 5m, 2h, 1d.
package enum DurationInput {
    package static func seconds(_ text: String) throws(InvalidInput) -> Double {
        guard let seconds = DurationText.seconds(text) else { throw InvalidInput("\"\(text)\" is not a duration; use e.g. 90s, 5m, 2h or 1d") }
        return seconds
    }
}
