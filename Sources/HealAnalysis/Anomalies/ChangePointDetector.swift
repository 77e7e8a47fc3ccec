import HealModel

/// A container whose memory or CPU changed against its own history: the hourly figures split
/// where each side sits closest to its own median (the least total absolute deviation), then
/// judged two ways. A *level* shift: the medians differ by at least 20 % and the measure's
/// smallest change (32Mi, 50m), and by five times the sides' robust spread (MAD). A *shape*
/// change: one side's spread at least four times the other's and at least the smallest change —
/// steady, then swinging (a saw-tooth that began), or the reverse. Either after a baseline of two
/// days or more that was not itself rising, lasting 12 hours or more — so a slow leak (its
/// baseline rises) or a saw-tooth all along (both sides swing alike) stays silent.
package enum ChangePointDetector {
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
        let levelShift = score >= 5 && abs(best.after - best.before) >= max(0.2 * best.before, measure.smallestChange)
        let (narrow, wide) = (min(spreadBefore, spreadAfter), max(spreadBefore, spreadAfter))
        let shapeChange = wide >= 4 * max(narrow, measure.spreadFloor) && wide >= measure.smallestChange
        guard levelShift || shapeChange else { return nil }
        // A baseline that was itself rising is a leak, not a level that changed.
        let baseline = Array(hours[..<best.index])
        if let trend = RobustTrend(baseline), let first = baseline.first, let last = baseline.last, abs(trend.slope * (last.time - first.time)) > 0.1 * best.before {
            return nil
        }
        let change = Change(
            measure: measure, at: Timestamp(secondsSince1970: hours[best.index].time - hour), before: before, after: after,
            medians: (best.before, best.after), spreads: (spreadBefore, spreadAfter), hoursBefore: best.index, hoursAfter: hours.count - best.index)
        return levelShift ? change.levelShift(workload: workload, container: container, score: score) : change.shapeChange(workload: workload, container: container)
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
