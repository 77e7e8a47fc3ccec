import HealModel

/// A container whose memory or CPU settled at another level against its own history: the hourly
/// figures split where each side sits closest to its own median (the least total absolute
/// deviation), the shift judged against the sides' robust spread (MAD). Reported when the shift
/// is at least 20 % and the measure's smallest change (32Mi, 50m), at least five spreads, after
/// a steady baseline of two days or more and lasting 12 hours or more — so a slow leak (no
/// steady baseline) or a saw-tooth all along (no split stands out) stays silent.
package enum LevelShiftDetector {
    static let hour = 3600.0
    static let minimumBaseline = 2 * 86_400.0
    static let minimumAfter = 12 * 3600.0

    /// Memory: the hourly medians of the highest pod.
    package static func detect(_ history: ContainerMemoryHistory) -> Anomaly? {
        detect(hours: history.hourlyMedians, measure: .memory, workload: history.workload, container: history.container)
    }

    /// `hours`: one figure per hour, oldest first, each at the end of its hour.
    package static func detect(hours: [(time: Double, value: Double)], measure: UsageMeasure, workload: ResourceRef, container: String) -> Anomaly? {
        let minimumBefore = Int(minimumBaseline / hour)
        let minimumAfterCount = Int(minimumAfter / hour)
        guard hours.count >= minimumBefore + minimumAfterCount else { return nil }
        let values = hours.map(\.value)
        var split: (index: Int, cost: Double)?
        // Both sides kept sorted as the split moves one hour at a time (an insertion and a
        // removal), rather than sorted afresh at every split: this runs for every container.
        var sortedBefore = values[..<minimumBefore].sorted()
        var sortedAfter = values[minimumBefore...].sorted()
        for index in minimumBefore...(hours.count - minimumAfterCount) {
            if index > minimumBefore {
                let moved = values[index - 1]
                sortedAfter.remove(at: insertionIndex(of: moved, in: sortedAfter))
                sortedBefore.insert(moved, at: insertionIndex(of: moved, in: sortedBefore))
            }
            let (medianBefore, medianAfter) = (median(sortedBefore), median(sortedAfter))
            let cost = values[..<index].reduce(0) { $0 + abs($1 - medianBefore) } + values[index...].reduce(0) { $0 + abs($1 - medianAfter) }
            if cost < (split?.cost ?? .infinity) { split = (index, cost) }
        }
        guard let index = split?.index else { return nil }
        let (before, after) = (values[..<index].sorted(), values[index...].sorted())
        let best = (index: index, before: median(before), after: median(after))
        let spreadBefore = mad(before, around: best.before)
        let spreadAfter = mad(after, around: best.after)
        let score = abs(best.after - best.before) / max(spreadBefore + spreadAfter, 0.01 * best.before, measure.spreadFloor)
        guard score >= 5, abs(best.after - best.before) >= max(0.2 * best.before, measure.smallestChange) else { return nil }
        // A baseline that was itself rising is a leak, not a level that changed.
        let baseline = Array(hours[..<best.index])
        if let trend = RobustTrend(baseline), let first = baseline.first, let last = baseline.last, abs(trend.slope * (last.time - first.time)) > 0.1 * best.before {
            return nil
        }
        let at = Timestamp(secondsSince1970: hours[best.index].time - hour)
        let rose = best.after > best.before
        let format = measure.format
        return Anomaly(
            code: .usageShift, severity: rose ? .warning : .info, workload: workload, container: container,
            summary: "\(measure.noun) settled at another level around \(at): median \(format(best.before)) before, \(format(best.after)) since (spread \(format(spreadBefore)) before, \(format(spreadAfter)) since)",
            evidence: [
                "hourly medians: \(format(best.before)) over \(DurationText.format(seconds: Double(best.index) * hour)) before, \(format(best.after)) over \(DurationText.format(seconds: Double(hours.count - best.index) * hour)) since",
                String(format: "the shift is %.0f times the spread of the hours around it", score),
            ],
            confidence: min(0.9, 0.5 + score / 50),
            action: rose
                ? "find what changed then (a rollout, a config change, new traffic: `kubectl heal timeline \(workload.typeAndName)`); if the new level is here to stay, `kubectl heal recommend-limits` sizes for it"
                : "less \(measure.noun) since then: if it lasts, `kubectl heal recommend-limits` can lower the request",
            pods: [])
    }

    /// The first position in `sorted` whose value is not below `value`.
    private static func insertionIndex(of value: Double, in sorted: [Double]) -> Int {
        var (low, high) = (0, sorted.count)
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    static func median(_ sorted: [Double]) -> Double {
        sorted.isEmpty ? 0 : RobustTrend.quantile(sorted, 0.5)
    }

    /// Median absolute deviation, scaled to a standard deviation for normal data.
    static func mad(_ values: [Double], around center: Double) -> Double {
        1.4826 * median(values.map { abs($0 - center) }.sorted())
    }
}
