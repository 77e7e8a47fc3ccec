import HealAnalysis
import HealModel

/// One container's metrics-server readings, pooled over its workload's pods and the samples
/// taken, and the figures drawn from them.
struct ContainerSamples {
    private var cpuCores: [Double] = []
    private var memoryBytes: [Double] = []
    private var first: Timestamp
    private var last: Timestamp

    init(_ usage: PodMetrics.Usage, scrapedAt timestamp: Timestamp) {
        first = timestamp
        last = timestamp
        add(usage, scrapedAt: timestamp)
    }

    mutating func add(_ usage: PodMetrics.Usage, scrapedAt timestamp: Timestamp) {
        cpuCores.append(usage.cpu.value)
        memoryBytes.append(usage.memory.value)
        first = min(first, timestamp)
        last = max(last, timestamp)
    }

    /// Percentiles are interpolated (see `Percentile`); `samples` counts the readings (pods ×
    /// distinct scrapes); the history runs from the earliest scrape to the latest.
    func usage(of container: String, cpuPercentiles: [Double]) -> ContainerUsage {
        let cpu = cpuCores.sorted()
        let percentiles = cpuPercentiles.reduce(into: [Double: Double]()) { result, percentile in
            result[percentile] = Percentile.of(cpu, percentile)
        }
        return ContainerUsage(
            container: container, cpuPercentiles: percentiles, cpuPeakCores: cpu.last, cpuMeanCores: Self.mean(cpuCores),
            memoryPeakBytes: memoryBytes.max(), memoryMeanBytes: Self.mean(memoryBytes), samples: memoryBytes.count,
            historySeconds: last.seconds(since: first))
    }

    private static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }
}
