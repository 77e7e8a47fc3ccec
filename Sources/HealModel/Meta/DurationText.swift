import Foundation

/// Durations as kubectl flags take them: Go syntax ("30s", "1m30s", "500ms", "2h"), a bare
/// number of seconds ("30"), and "d" for days, which SREs write for ages ("7d").
package enum DurationText {
    /// nil for anything that is not a duration, negative, or beyond ten years ("inf", "1e20").
    package static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if let plain = Double(trimmed) { return bounded(plain) }
        let units: [(suffix: String, seconds: Double)] = [
            ("ms", 0.001), ("us", 0.000_001), ("µs", 0.000_001), ("ns", 0.000_000_001),
            ("d", 86_400), ("h", 3600), ("m", 60), ("s", 1),
        ]
        var total = 0.0
        var rest = Substring(trimmed)
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isNumber || $0 == "." }
            guard !digits.isEmpty, let value = Double(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.suffix) }) else { return nil }
            total += value * unit.seconds
            rest = rest.dropFirst(unit.suffix.count)
        }
        return bounded(total)
    }

    private static let longest = 10 * 365 * 86_400.0

    private static func bounded(_ seconds: Double) -> Double? {
        seconds.isFinite && seconds >= 0 && seconds <= longest ? seconds : nil
    }

    /// "45s", "3m", "2h5m", "3d4h" — how long a state has lasted, kubectl `AGE` style.
    package static func format(seconds: Double) -> String {
        let whole = max(0, Int(seconds))
        switch whole {
        case ..<120: return "\(whole)s"
        case ..<(60 * 60): return "\(whole / 60)m"
        case ..<(24 * 3600):
            let minutes = whole % 3600 / 60
            return minutes == 0 ? "\(whole / 3600)h" : "\(whole / 3600)h\(minutes)m"
        default:
            let hours = whole % 86_400 / 3600
            return hours == 0 ? "\(whole / 86_400)d" : "\(whole / 86_400)d\(hours)h"
        }
    }
}
