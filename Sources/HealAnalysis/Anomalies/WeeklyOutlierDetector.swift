import Foundation
import HealModel

/// Hours of the last day whose usage departs from the same hour a week before by far more than
/// the week-on-week change usually does: each hour's figure minus the one 168 hours earlier,
/// against the median and robust spread (MAD) of that change over the days before. An hour is an
/// outlier at six spreads or more, when it is also half again (or half under) what the usual
/// change predicts and at least the measure's smallest change; two such hours at least (one
/// alone is a rollout's warm-up as often as not). A weekly rhythm stays silent (last week had
/// it too), as does a steady leak (its change is always the same), a noisy series (its spread
/// is wide) and history under ten days (too few weeks to compare).
package enum WeeklyOutlierDetector {
    static let week = 7 * 86_400.0
    /// The hours judged: the last day's.
    static let recentSeconds = 86_400.0
    /// Week-on-week changes needed before the last day: two days of them (so 10 days of history).
    static let minimumBaseline = 48
    static let minimumOutliers = 2
    static let spreads = 6.0

    struct Hour {
        var time: Double
        var value: Double
        var expected: Double
        var score: Double
    }

    /// `hours`: one figure per hour, oldest first, each at the end of its hour (so an hour and
    /// the same hour a week before are exactly a week apart).
    package static func detect(hours: [(time: Double, value: Double)], measure: UsageMeasure, workload: ResourceRef, container: String, end: Double) -> Anomaly? {
        var lastWeek: [Double: Double] = [:]
        for hour in hours { lastWeek[hour.time] = hour.value }
        var baseline: [Double] = []
        var recent: [(time: Double, value: Double, before: Double)] = []
        for hour in hours {
            guard let before = lastWeek[hour.time - week] else { continue }
            // An hour still under way (memory's clock hours) is not judged: it is not over.
            if hour.time > end - recentSeconds { if hour.time <= end { recent.append((hour.time, hour.value, before)) } } else { baseline.append(hour.value - before) }
        }
        guard baseline.count >= minimumBaseline, !recent.isEmpty else { return nil }
        let usual = ChangePointDetector.median(baseline.sorted())
        let spread = max(ChangePointDetector.mad(baseline, around: usual), measure.spreadFloor)
        let outliers = recent.compactMap { hour -> Hour? in
            let expected = max(0, hour.before + usual)
            let departure = hour.value - expected
            guard abs(departure) >= spreads * spread, abs(departure) >= max(0.5 * expected, measure.smallestChange) else { return nil }
            return Hour(time: hour.time, value: hour.value, expected: expected, score: abs(departure) / spread)
        }
        guard outliers.count >= minimumOutliers, let latest = outliers.last else { return nil }
        let rose = latest.value > latest.expected
        let format = measure.format
        let signed = { (value: Double) in (value < 0 ? "-" : "+") + format(abs(value)) }
        return Anomaly(
            code: .usageOutlier, severity: rose ? .warning : .info, workload: workload, container: container,
            summary: "\(measure.noun) \(format(latest.value)) in the hour to \(Timestamp(secondsSince1970: latest.time)), where the same hour a week before and the usual change say \(format(latest.expected)); \(outliers.count) hours of the last day stand out like this",
            evidence: outliers.suffix(6).map {
                "hour to \(Timestamp(secondsSince1970: $0.time)): \(format($0.value)), expected \(format($0.expected)) (\(String(format: "%.0f", $0.score)) spreads)"
            } + ["week-on-week change over the \(DurationText.format(seconds: Double(baseline.count) * 3600)) before: median \(signed(usual)), spread \(format(spread))"],
            confidence: min(0.9, 0.6 + 0.1 * Double(outliers.count)),
            action: rose
                ? "find what is new (traffic, a retry storm, a runaway job, a rollout: `kubectl heal timeline \(workload.typeAndName)`) and check its limits hold (`kubectl heal recommend-limits \(workload.typeAndName)`)"
                : "less than usual: check that its traffic still reaches it (Service endpoints, the callers upstream)",
            pods: [])
    }
}
