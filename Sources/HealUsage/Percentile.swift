/// Percentiles by linear interpolation between the closest ranks, as Prometheus'
/// `quantile_over_time` computes them, so metrics-server and Prometheus figures compare:
/// the p-th percentile of n sorted values sits at rank (p / 100) × (n − 1).
enum Percentile {
    /// `percentile` in 0…100 (outside is clamped); nil for no values.
    static func of(_ sorted: [Double], _ percentile: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = min(max(percentile, 0), 100) / 100 * Double(sorted.count - 1)
        let lower = Int(rank.rounded(.down))
        guard lower + 1 < sorted.count else { return sorted[lower] }
        return sorted[lower] + (sorted[lower + 1] - sorted[lower]) * (rank - Double(lower))
    }
}
