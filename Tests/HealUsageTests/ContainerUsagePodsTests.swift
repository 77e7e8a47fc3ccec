import HealAnalysis
import HealModel
import Testing

@testable import HealUsage

@Suite("A container's usage combines its pods: highest percentiles and peaks, pooled means")
struct ContainerUsagePodsTests {
    static func pod(
        p95: Double, peak: Double, cpuSeconds: Double, memory: (peak: Double, total: Double, samples: Double),
        from first: Double, to last: Double, oomSince: Double? = nil, limit: Double? = nil
    ) -> PodContainerFigures {
        var figures = PodContainerFigures()
        figures.record(.cpuPercentile(95), p95)
        figures.record(.cpuPeak, peak)
        figures.record(.cpuSeconds, cpuSeconds)
        figures.record(.memoryPeak, memory.peak)
        figures.record(.memoryTotal, memory.total)
        figures.record(.memorySamples, memory.samples)
        figures.record(.firstSample, first)
        figures.record(.lastSample, last)
        if let oomSince { figures.record(.oomKilledSince, oomSince) }
        if let limit { figures.record(.oomKillLimit, limit) }
        return figures
    }

    @Test("two pods: the higher p95 and peak, CPU seconds over pod seconds, bytes over samples, first to last")
    func twoPods() {
        let usage = ContainerUsage(container: "app", pods: [
            Self.pod(p95: 0.2, peak: 0.9, cpuSeconds: 100, memory: (300, 3000, 10), from: 1000, to: 2000),
            Self.pod(p95: 0.4, peak: 0.5, cpuSeconds: 500, memory: (200, 6000, 30), from: 1500, to: 4000, oomSince: 3000, limit: 256),
        ])
        #expect(usage.container == "app")
        #expect(usage.cpuPercentiles == [95: 0.4])
        #expect(usage.cpuPeakCores == 0.9)
        #expect(usage.cpuMeanCores == 600.0 / 3500)
        #expect(usage.memoryPeakBytes == 300)
        #expect(usage.memoryMeanBytes == 9000.0 / 40)
        #expect(usage.samples == 40)
        #expect(usage.historySeconds == 3000)
        #expect(usage.oomKills == [OOMKill(limitBytes: 256, at: Timestamp(secondsSince1970: 3000), seenIn: "kube-state-metrics")])
    }

    @Test("a pod seen at a single step adds its samples but not its CPU seconds to the mean")
    func shortPod() {
        let usage = ContainerUsage(container: "app", pods: [
            Self.pod(p95: 0.1, peak: 0.1, cpuSeconds: 100, memory: (100, 1000, 10), from: 0, to: 1000),
            Self.pod(p95: 2, peak: 2, cpuSeconds: 120, memory: (100, 200, 2), from: 5000, to: 5000),
        ])
        #expect(usage.cpuMeanCores == 0.1)
        #expect(usage.samples == 12)
        #expect(usage.cpuPeakCores == 2)
    }

    @Test("OOM kills come in the order kube-state-metrics first showed them")
    func oomOrder() {
        let usage = ContainerUsage(container: "app", pods: [
            Self.pod(p95: 0.1, peak: 0.1, cpuSeconds: 1, memory: (1, 1, 1), from: 0, to: 10, oomSince: 900, limit: nil),
            Self.pod(p95: 0.1, peak: 0.1, cpuSeconds: 1, memory: (1, 1, 1), from: 0, to: 10, oomSince: 100, limit: 128),
        ])
        #expect(usage.oomKills.map(\.at) == [Timestamp(secondsSince1970: 100), Timestamp(secondsSince1970: 900)])
        #expect(usage.oomKills.map(\.limitBytes) == [128, nil])
    }
}
