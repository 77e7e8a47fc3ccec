import Foundation
import HealModel

extension ChangePointDetector {
    /// Where a container's hours split, and what each side looks like: what the anomaly says.
    struct Change {
        var measure: UsageMeasure
        var at: Timestamp
        /// Each side's hourly figures, sorted.
        var before: [Double]
        var after: [Double]
        var medians: (before: Double, after: Double)
        var spreads: (before: Double, after: Double)
        var hoursBefore: Int
        var hoursAfter: Int

        private var span: (before: String, after: String) {
            (DurationText.format(seconds: Double(hoursBefore) * hour), DurationText.format(seconds: Double(hoursAfter) * hour))
        }

        /// "memory settled at another level around T: median 151Mi before, 401Mi since".
        func levelShift(workload: ResourceRef, container: String, score: Double) -> Anomaly {
            let format = measure.format
            let rose = medians.after > medians.before
            return Anomaly(
                code: .usageShift, severity: rose ? .warning : .info, workload: workload, container: container,
                summary: "\(measure.noun) settled at another level around \(at): median \(format(medians.before)) before, \(format(medians.after)) since (spread \(format(spreads.before)) before, \(format(spreads.after)) since)",
                evidence: [
                    "hourly medians: \(format(medians.before)) over \(span.before) before, \(format(medians.after)) over \(span.after) since",
                    String(format: "the shift is %.0f times the spread of the hours around it", score),
                ],
                confidence: min(0.9, 0.5 + score / 50),
                action: rose
                    ? "find what changed then (a rollout, a config change, new traffic: `kubectl heal timeline \(workload.typeAndName)`); if the new level is here to stay, `kubectl heal recommend-limits` sizes for it"
                    : "less \(measure.noun) since then: if it lasts, `kubectl heal recommend-limits` can lower the request",
                pods: [])
        }

        /// "memory pattern changed around T: steady around 40Mi before, swinging between 52Mi and 241Mi since".
        func shapeChange(workload: ResourceRef, container: String) -> Anomaly {
            let widened = spreads.after > spreads.before
            let describe = { (sorted: [Double], median: Double, steady: Bool) in
                steady
                    ? "steady around \(self.measure.format(median))"
                    : "swinging between \(self.measure.format(RobustTrend.quantile(sorted, 0.05))) and \(self.measure.format(RobustTrend.quantile(sorted, 0.95)))"
            }
            let ratio = max(spreads.before, spreads.after) / max(min(spreads.before, spreads.after), measure.spreadFloor)
            return Anomaly(
                code: .usageShift, severity: widened ? .warning : .info, workload: workload, container: container,
                summary: "\(measure.noun) pattern changed around \(at): \(describe(before, medians.before, widened)) before, \(describe(after, medians.after, !widened)) since",
                evidence: [
                    "hourly spread (MAD): \(measure.format(spreads.before)) over \(span.before) before, \(measure.format(spreads.after)) over \(span.after) since",
                    String(format: "the spread changed %.0f-fold", ratio),
                ],
                confidence: min(0.9, 0.5 + ratio / 50),
                action: widened
                    ? "find what changed then (`kubectl heal timeline \(workload.typeAndName)`): a swing that began may be a leak reset by kills or restarts; see the other anomalies of this container"
                    : "it settled: if it lasts, `kubectl heal recommend-limits` can size for the steadier load",
                pods: [])
        }
    }
}
