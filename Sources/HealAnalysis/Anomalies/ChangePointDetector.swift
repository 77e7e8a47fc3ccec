import HealModel

/// A container whose memory or CPU changed against its own history. Each hour's figure less the
/// median of its hour of the day (so a daily rhythm is not a change) is split where each side
/// sits closest to its own median (the least total absolute deviation), then judged two ways.
/// A *level* shift: the sides differ by five times their robust spread (MAD), and the raw
/// medians by at least 20 % and the measure's smallest change (32Mi, 50m) — unless the same
/// hours a week before sat at the new level too (a weekly rhythm). A *shape* change: one side's
/// raw spread at least four times the other's and at least the smallest change — steady, then
/// swinging (a saw-tooth that began), or the reverse. Either after a baseline of two days or
/// more that was not itself rising, lasting a whole day or more — so a slow leak (its baseline
/// rises), a saw-tooth or a rhythm all along (both sides alike) stays silent.
package enum ChangePointDetector {
    static let hour = 3600.0
    static let minimumBaseline = 2 * 86_400.0
    static let minimumAfter = 86_400.0
    static let week = 7 * 86_400.0

    /// `hours`: one figure per hour, oldest first, each at the end of its hour.
    package static func detect(hours: [(time: Double, value: Double)], measure: UsageMeasure, workload: ResourceRef, container: String) -> Anomaly? {
        let minimumBefore = Int(minimumBaseline / hour)
        let minimumAfterCount = Int(minimumAfter / hour)
        guard hours.count >= minimumBefore + minimumAfterCount else { return nil }
        let residuals = withoutDailyRhythm(hours)
        guard let index = bestSplit(residuals, from: minimumBefore, to: hours.count - minimumAfterCount) else { return nil }
        let values = hours.map(\.value)
        let (before, after) = (values[..<index].sorted(), values[index...].sorted())
        let medians = (before: median(before), after: median(after))
        let spreads = (before: mad(before, around: medians.before), after: mad(after, around: medians.after))
        let (residualBefore, residualAfter) = (residuals[..<index].sorted(), residuals[index...].sorted())
        let (levelBefore, levelAfter) = (median(residualBefore), median(residualAfter))
        let score = abs(levelAfter - levelBefore)
            / max(mad(residualBefore, around: levelBefore) + mad(residualAfter, around: levelAfter), 0.01 * medians.before, measure.spreadFloor)
        let levelShift = score >= 5 && abs(medians.after - medians.before) >= max(0.2 * medians.before, measure.smallestChange)
            && !weekBeforeAlike(hours, from: index, level: medians)
        let (narrow, wide) = (min(spreads.before, spreads.after), max(spreads.before, spreads.after))
        let shapeChange = wide >= 4 * max(narrow, measure.spreadFloor) && wide >= measure.smallestChange
        guard levelShift || shapeChange else { return nil }
        // A baseline that was itself rising is a leak, not a level that changed.
        let baseline = Array(hours[..<index])
        if let trend = RobustTrend(baseline), let first = baseline.first, let last = baseline.last, abs(trend.slope * (last.time - first.time)) > 0.1 * medians.before {
            return nil
        }
        let change = Change(
            measure: measure, at: Timestamp(secondsSince1970: hours[index].time - hour), before: before, after: after,
            medians: medians, spreads: spreads, hoursBefore: index, hoursAfter: hours.count - index)
        return levelShift ? change.levelShift(workload: workload, container: container, score: score) : change.shapeChange(workload: workload, container: container)
    }

    /// Each figure less the median of all figures at its hour of the day.
    static func withoutDailyRhythm(_ hours: [(time: Double, value: Double)]) -> [Double] {
        let hourOfDay = { (time: Double) in Int((time / hour).rounded(.down)) % 24 }
        let byHour = Dictionary(grouping: hours) { hourOfDay($0.time) }.mapValues { median($0.map(\.value).sorted()) }
        return hours.map { $0.value - (byHour[hourOfDay($0.time)] ?? 0) }
    }

    /// The split (the first hour of the second side) within `from...to` with the least total
    /// absolute deviation of each side from its own median. Both sides are kept sorted as the
    /// split moves one hour (an insertion and a removal) rather than sorted afresh; the
    /// deviations are summed anew at each split (a few hundred hours: cheap enough).
    private static func bestSplit(_ values: [Double], from: Int, to: Int) -> Int? {
        var split: (index: Int, cost: Double)?
        var sortedBefore = values[..<from].sorted()
        var sortedAfter = values[from...].sorted()
        for index in from...to {
            if index > from {
                let moved = values[index - 1]
                sortedAfter.remove(at: insertionIndex(of: moved, in: sortedAfter))
                sortedBefore.insert(moved, at: insertionIndex(of: moved, in: sortedBefore))
            }
            let (medianBefore, medianAfter) = (median(sortedBefore), median(sortedAfter))
            let cost = values[..<index].reduce(0) { $0 + abs($1 - medianBefore) } + values[index...].reduce(0) { $0 + abs($1 - medianAfter) }
            if cost < (split?.cost ?? .infinity) { split = (index, cost) }
        }
        return split?.index
    }

    /// Whether the same hours a week before the second side sat nearer its level than the first
    /// side's: a weekend, say, not a change.
    private static func weekBeforeAlike(_ hours: [(time: Double, value: Double)], from index: Int, level: (before: Double, after: Double)) -> Bool {
        var byTime: [Double: Double] = [:]
        for hour in hours { byTime[hour.time] = hour.value }
        let weekBefore = hours[index...].compactMap { byTime[$0.time - week] }
        guard weekBefore.count * 2 >= hours.count - index else { return false }
        let then = median(weekBefore.sorted())
        return abs(then - level.after) < abs(then - level.before)
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
