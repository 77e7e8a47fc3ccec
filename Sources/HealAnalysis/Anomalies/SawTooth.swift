/// A memory series that climbs and falls back at once, again and again: a container killed at
/// its limit (or restarting itself) and starting over. Each fall is a reset: the series drops
/// below `dropRatio` of the sample before, which stood near the top (`nearTop` of the limit, or
/// of the series' own peak without one).
package struct SawTooth: Sendable, Equatable {
    /// When each reset happened: halfway between the last high sample and the first low one.
    package var resets: [Double]

    static let dropRatio = 0.7
    static let nearTop = 0.85

    package init(_ points: [(time: Double, value: Double)], limit: Double?) {
        let top = (limit ?? points.map(\.value).max() ?? 0) * Self.nearTop
        var resets: [Double] = []
        for index in points.indices.dropFirst() {
            let (before, after) = (points[index - 1], points[index])
            if before.value >= top, after.value < before.value * Self.dropRatio {
                resets.append((before.time + after.time) / 2)
            }
        }
        self.resets = resets
    }

    /// The times between resets.
    package var intervals: [Double] {
        zip(resets.dropFirst(), resets).map { $0 - $1 }
    }

    /// The typical time between resets (the median), once there have been at least two.
    package var period: Double? {
        let sorted = intervals.sorted()
        return sorted.isEmpty ? nil : RobustTrend.quantile(sorted, 0.5)
    }
}
