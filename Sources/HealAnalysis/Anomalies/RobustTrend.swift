/// Theil–Sen: the median of the slopes between every pair of points, which a few outliers (a
/// spike, a brief drop) cannot move, unlike least squares. Long series are thinned evenly to
/// `maximumPoints` first, so the pairs stay in the tens of thousands.
package struct RobustTrend: Sendable, Equatable {
    /// Units per second.
    package var slope: Double
    /// The 25th and 75th percentiles of the pairwise slopes: how sure the slope is.
    package var lowerSlope: Double
    package var upperSlope: Double
    /// The share of pairs that rise: 1 for a series that only grows.
    package var risingShare: Double
    /// The fitted value at the last point's time.
    package var lastFitted: Double

    package static let maximumPoints = 240

    /// nil with fewer than 3 points or no time between them.
    package init?(_ points: [(time: Double, value: Double)]) {
        let thinned = Self.thinned(points)
        guard thinned.count >= 3, let last = thinned.last else { return nil }
        var slopes: [Double] = []
        slopes.reserveCapacity(thinned.count * (thinned.count - 1) / 2)
        for i in thinned.indices {
            for j in (i + 1)..<thinned.count where thinned[j].time > thinned[i].time {
                slopes.append((thinned[j].value - thinned[i].value) / (thinned[j].time - thinned[i].time))
            }
        }
        guard !slopes.isEmpty else { return nil }
        slopes.sort()
        let slope = Self.quantile(slopes, 0.5)
        self.slope = slope
        lowerSlope = Self.quantile(slopes, 0.25)
        upperSlope = Self.quantile(slopes, 0.75)
        risingShare = Double(slopes.count { $0 > 0 }) / Double(slopes.count)
        let intercepts = thinned.map { $0.value - slope * ($0.time - last.time) }.sorted()
        lastFitted = Self.quantile(intercepts, 0.5)
    }

    static func thinned(_ points: [(time: Double, value: Double)]) -> [(time: Double, value: Double)] {
        guard points.count > maximumPoints else { return points }
        let stride = Double(points.count - 1) / Double(maximumPoints - 1)
        return (0..<maximumPoints).map { points[Int((Double($0) * stride).rounded())] }
    }

    /// Linear interpolation between the closest ranks of sorted `values`.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }
}
