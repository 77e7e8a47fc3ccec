/// How the recommender sizes containers. The defaults follow krr and the VPA recommender; the
/// CLI validates user-given values before they get here.
package struct RecommenderSettings: Sendable, Equatable, Codable {
    /// The CPU request is usage at this percentile.
    package var cpuPercentile: Double
    /// The CPU limit is usage at this percentile; nil sets none, since throttling a container
    /// below what the node has spare costs latency and saves nothing.
    package var cpuLimitPercentile: Double?
    /// Headroom above the memory peak, in percent: memory request = limit = peak × (1 + buffer/100).
    package var memoryBufferPercent: Double
    package var minimumCPUCores: Double
    package var minimumMemoryBytes: Double
    /// Prometheus history shorter than this, or fewer samples, gives no recommendation.
    package var minimumHistorySeconds: Double
    package var minimumSamples: Int
    /// Prometheus history under this is low confidence; from `highConfidenceFromSeconds` on, high;
    /// in between, medium.
    package var lowConfidenceBelowSeconds: Double
    package var highConfidenceFromSeconds: Double

    package init(
        cpuPercentile: Double = 95, cpuLimitPercentile: Double? = nil, memoryBufferPercent: Double = 15,
        minimumCPUCores: Double = 0.010, minimumMemoryBytes: Double = 100 * 1_048_576, minimumHistorySeconds: Double = 3 * 3600,
        minimumSamples: Int = 100, lowConfidenceBelowSeconds: Double = 24 * 3600, highConfidenceFromSeconds: Double = 7 * 86_400
    ) {
        self.cpuPercentile = cpuPercentile
        self.cpuLimitPercentile = cpuLimitPercentile
        self.memoryBufferPercent = memoryBufferPercent
        self.minimumCPUCores = minimumCPUCores
        self.minimumMemoryBytes = minimumMemoryBytes
        self.minimumHistorySeconds = minimumHistorySeconds
        self.minimumSamples = minimumSamples
        self.lowConfidenceBelowSeconds = lowConfidenceBelowSeconds
        self.highConfidenceFromSeconds = highConfidenceFromSeconds
    }

    /// The CPU percentiles a usage query must ask for: the request's and, when set, the limit's.
    package var cpuPercentiles: [Double] {
        [cpuPercentile] + (cpuLimitPercentile.map { $0 == cpuPercentile ? [] : [$0] } ?? [])
    }
}
