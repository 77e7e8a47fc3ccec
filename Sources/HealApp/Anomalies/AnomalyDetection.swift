import HealAnalysis
import HealModel
import HealUsage
import Logging

/// Each container's memory history read and judged (`MemoryAnomalyDetector`), for `anomalies`
/// and `diagnose --anomalies`.
struct AnomalyDetection {
    struct Outcome {
        var anomalies: [Anomaly] = []
        var short: [ShortHistory] = []
        /// Containers read with enough history and nothing to say.
        var quiet = 0
        /// Every container looked at.
        var containers = 0
        var source: String
    }

    let client: PrometheusClient
    let logger: Logger

    /// One point per step: fine enough to date a reset within minutes, coarse enough that 30
    /// days stay under Prometheus' 11,000 points per series.
    static let stepSeconds = 300.0
    static let throttlingWindowSeconds = 86_400.0

    func detect(_ workloads: [WorkloadResources], end: Timestamp, windowSeconds: Double) async throws -> Outcome {
        let source = PrometheusMemoryHistory(client: client, logger: logger)
        logger.info("reading \(DurationText.format(seconds: windowSeconds)) of memory history from \(source.label)")
        let histories = try await source.histories(for: workloads, end: end, windowSeconds: windowSeconds, stepSeconds: Self.stepSeconds)
        var outcome = Outcome(source: source.label)
        for history in histories {
            switch MemoryAnomalyDetector.detect(history, end: end.secondsSince1970) {
            case .anomaly(let anomaly): outcome.anomalies.append(anomaly)
            case .shortHistory(let history):
                outcome.short.append(history)
                continue
            case .quiet: break
            }
            if let shift = LevelShiftDetector.detect(history) { outcome.anomalies.append(shift) }
        }
        // CPU throttling over the last day: what it costs now, not two weeks ago.
        let throttling = try await PrometheusThrottling(client: client).ratios(for: workloads, end: end, windowSeconds: Self.throttlingWindowSeconds)
        for workload in workloads {
            for container in workload.containers {
                guard let ratios = throttling[workload.ref]?[container.name],
                    let anomaly = CPUThrottlingDetector.detect(
                        workload: workload.ref, container: container.name, ratios: ratios, limitCores: container.limits.cpu,
                        windowSeconds: Self.throttlingWindowSeconds)
                else { continue }
                outcome.anomalies.append(anomaly)
            }
        }
        // A container Prometheus has no sample of is history too short to read.
        let read = Set(histories.map { "\($0.workload)|\($0.container)" })
        for workload in workloads {
            for container in workload.containers where !read.contains("\(workload.ref)|\(container.name)") {
                outcome.short.append(ShortHistory(
                    workload: workload.ref, container: container.name, historySeconds: 0,
                    reason: "not enough history: no memory samples in the last \(DurationText.format(seconds: windowSeconds))"))
            }
        }
        outcome.short.sort { ($0.workload, $0.container) < ($1.workload, $1.container) }
        let key = { (workload: ResourceRef, container: String) in "\(workload)|\(container)" }
        let flagged = Set(outcome.anomalies.map { key($0.workload, $0.container) }).union(outcome.short.map { key($0.workload, $0.container) })
        outcome.containers = Set(histories.map { key($0.workload, $0.container) }).union(flagged).count
        outcome.quiet = outcome.containers - flagged.count
        return outcome
    }
}
