import HealAnalysis
import HealKube
import HealModel
import HealUsage
import Logging

/// Each container's memory, CPU and restart history read and judged by the detectors, for
/// `anomalies` and `diagnose --anomalies`.
package struct AnomalyDetection {
    package struct Outcome {
        package var anomalies: [Anomaly] = []
        package var short: [ShortHistory] = []
        /// Containers read with enough history and nothing to say.
        package var quiet = 0
        /// Every container looked at.
        package var containers = 0
        package var source: String
    }

    let client: PrometheusClient
    let logger: Logger

    package init(client: PrometheusClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// One point per step: fine enough to date a reset within minutes, coarse enough that 30
    /// days stay under Prometheus' 11,000 points per series.
    static let stepSeconds = 300.0
    static let throttlingWindowSeconds = 86_400.0
    /// The days before the last one a restart rate is judged against: two at least.
    static let minimumRestartBaselineSeconds = 2 * 86_400.0

    package func detect(_ workloads: [WorkloadResources], end: Timestamp, windowSeconds: Double) async throws -> Outcome {
        let source = PrometheusMemoryHistory(client: client, logger: logger)
        logger.info("reading \(DurationText.format(seconds: windowSeconds)) of memory, CPU and restart history from \(source.label)")
        let histories = try await source.histories(for: workloads, end: end, windowSeconds: windowSeconds, stepSeconds: Self.stepSeconds)
        let cpu = try await PrometheusHourlyCPU(client: client, logger: logger).hours(for: workloads, end: end, windowSeconds: windowSeconds)
        let earlierSeconds = windowSeconds - PrometheusRestarts.recentSeconds
        let restarts = earlierSeconds >= Self.minimumRestartBaselineSeconds
            ? try await PrometheusRestarts(client: client).counts(for: workloads, end: end, earlierSeconds: earlierSeconds) : [:]
        var outcome = Outcome(source: source.label)
        for history in histories {
            switch MemoryAnomalyDetector.detect(history, end: end.secondsSince1970) {
            case .anomaly(let anomaly): outcome.anomalies.append(anomaly)
            case .shortHistory(let history):
                outcome.short.append(history)
                continue
            case .quiet: break
            }
            let (workload, container) = (history.workload, history.container)
            outcome.anomalies += Self.hourly(history.hourly, .memory, workload, container, end: end)
            if let hours = cpu[workload]?[container] { outcome.anomalies += Self.hourly(hours, .cpu, workload, container, end: end) }
            // The days before the last one that the container has history for (the window, or less
            // when it is younger or Prometheus keeps less): a jump needs days to jump from, and a
            // young container's restarts are the live diagnosis'.
            let baselineSeconds = min(earlierSeconds, history.historySeconds(end: end.secondsSince1970) - PrometheusRestarts.recentSeconds)
            if baselineSeconds >= Self.minimumRestartBaselineSeconds, let counts = restarts[workload]?[container],
                let jump = RestartJumpDetector.detect(workload: workload, container: container, recent: counts.recent, earlier: counts.earlier, earlierSeconds: baselineSeconds)
            {
                outcome.anomalies.append(jump)
            }
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

    /// `--anomalies`' read: the Prometheus asked for (or found in the cluster), then its history.
    static func read(
        _ history: DiagnoseRequest.AnomalyHistory, workloads: [WorkloadResources], end: Timestamp, client: KubeClient?, namespace: String?,
        environment: AppEnvironment, logger: Logger
    ) async throws -> Outcome {
        let prometheus = try await PrometheusLocator(environment: environment, logger: logger).history(history.prometheus, client: client, namespace: namespace)
        return try await AnomalyDetection(client: prometheus, logger: logger).detect(workloads, end: end, windowSeconds: history.windowSeconds)
    }

    /// A `--prometheus-*` flag that cannot work: reading again later would not help.
    static func isBadFlag(_ error: any Error) -> Bool {
        if case .prometheusOptionInvalid = error as? UsageError { return true }
        return false
    }

    /// A level shift, else outliers against last week: a shift's new level would make every
    /// hour since an outlier, and the shift says it better.
    private static func hourly(_ hours: [(time: Double, value: Double)], _ measure: UsageMeasure, _ workload: ResourceRef, _ container: String, end: Timestamp) -> [Anomaly] {
        if let shift = ChangePointDetector.detect(hours: hours, measure: measure, workload: workload, container: container) { return [shift] }
        return WeeklyOutlierDetector.detect(hours: hours, measure: measure, workload: workload, container: container, end: end.secondsSince1970).map { [$0] } ?? []
    }
}
