import HealAnalysis
import HealModel

/// The figures a user types for right-sizing and costing, read the same way by every front end.
/// The messages name the value, not the flag or argument it came from.
package enum SizingInput {
    /// A window or interval: 30s, 5m, 36h, 14d.
    package static func positiveDuration(_ text: String) throws(InvalidInput) -> Double {
        guard let seconds = DurationText.seconds(text), seconds > 0 else {
            throw InvalidInput("\"\(text)\" is not a positive duration; use e.g. 30s, 5m, 36h or 14d")
        }
        return seconds
    }

    package static func percentile(_ value: Double) throws(InvalidInput) -> Double {
        guard value > 0, value <= 100 else { throw InvalidInput("\(text(value)) is not a percentile; use a number above 0 and at most 100, e.g. 95") }
        return value
    }

    /// Memory headroom over the peak, in percent.
    package static func memoryBuffer(_ value: Double) throws(InvalidInput) -> Double {
        guard value >= 0, value <= 1000 else { throw InvalidInput("\(text(value)) is out of range; use a percentage from 0 to 1000, e.g. 15") }
        return value
    }

    /// CPU in cores: 250m, 0.5.
    package static func cores(_ text: String) throws(InvalidInput) -> Double {
        guard let quantity = Quantity(text), quantity.value >= 0 else { throw InvalidInput("\"\(text)\" is not a CPU quantity; use e.g. 250m or 0.5") }
        return quantity.value
    }

    /// Memory in bytes: 256Mi, 1Gi.
    package static func bytes(_ text: String) throws(InvalidInput) -> Double {
        guard let quantity = Quantity(text), quantity.value >= 0 else { throw InvalidInput("\"\(text)\" is not a memory quantity; use e.g. 256Mi or 1Gi") }
        return quantity.value
    }

    /// A figure as typed back in messages: 95, 99.5.
    package static func text(_ value: Double) -> String {
        PlainNumber.text(value, decimals: 6)
    }
}
