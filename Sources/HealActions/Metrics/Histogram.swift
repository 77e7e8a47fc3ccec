/// A Prometheus histogram without labels: counts per bucket, rendered cumulatively as
/// `_bucket{le="…"}` lines ending with `+Inf`, then `_sum` and `_count`.
struct Histogram {
    let name: String
    let help: String
    /// Upper bounds, ascending; `+Inf` is implied.
    let bounds: [Double]
    /// Per bucket, not cumulative; the last one is for values above every bound.
    private var counts: [Int]
    private var sum = 0.0

    init(name: String, help: String, bounds: [Double]) {
        precondition(zip(bounds, bounds.dropFirst()).allSatisfy { $0 < $1 }, "bucket bounds must ascend")
        self.name = name
        self.help = help
        self.bounds = bounds
        counts = Array(repeating: 0, count: bounds.count + 1)
    }

    /// Negative durations (a pod clock ahead of ours) count as 0; NaN is dropped rather than
    /// poisoning `_sum` for the life of the process.
    mutating func observe(_ value: Double) {
        guard !value.isNaN else { return }
        let value = max(0, value)
        counts[bounds.firstIndex { value <= $0 } ?? bounds.count] += 1
        sum += value
    }

    func render() -> String {
        var text = PrometheusText.header(name, type: "histogram", help: help)
        var cumulative = 0
        for (bound, count) in zip(bounds + [.infinity], counts) {
            cumulative += count
            text += PrometheusText.sample("\(name)_bucket", Double(cumulative), labels: [("le", PrometheusText.number(bound))])
        }
        text += PrometheusText.sample("\(name)_sum", sum)
        text += PrometheusText.sample("\(name)_count", Double(cumulative))
        return text
    }
}
