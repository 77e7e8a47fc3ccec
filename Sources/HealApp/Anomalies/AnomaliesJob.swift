import HealAnalysis
import HealModel
import HealUsage
import Logging

/// The use case behind `kubectl heal anomalies`: the workloads in scope, each container's memory
/// history from Prometheus, and what the detectors make of it.
package struct AnomaliesJob {
    package struct Request: Sendable {
        package var inventory: WorkloadInventory.Request
        package var prometheus: PrometheusAccess
        package var windowSeconds: Double
        /// One point per step: fine enough to date a reset within minutes, coarse enough that
        /// 14 days stay under Prometheus' 11,000 points per series.
        package var stepSeconds: Double = 300

        package init(inventory: WorkloadInventory.Request, prometheus: PrometheusAccess, windowSeconds: Double) {
            self.inventory = inventory
            self.prometheus = prometheus
            self.windowSeconds = windowSeconds
        }
    }

    let environment: AppEnvironment
    let logger: Logger

    package init(environment: AppEnvironment, logLevel: Logger.Level) {
        self.environment = environment
        self.logger = environment.logger(level: logLevel)
    }

    package func run(_ request: Request) async throws -> AnomalyReport {
        let inventory = try await WorkloadInventory.load(request.inventory, environment: environment, logger: logger)
        let client = try await PrometheusLocator(environment: environment, logger: logger).history(request.prometheus, inventory: inventory)
        let end = Timestamp(environment.now())
        let source = PrometheusMemoryHistory(client: client, logger: logger)
        logger.info("reading \(DurationText.format(seconds: request.windowSeconds)) of memory history from \(source.label)")
        let histories = try await source.histories(for: inventory.workloads, end: end, windowSeconds: request.windowSeconds, stepSeconds: request.stepSeconds)
        var anomalies: [Anomaly] = []
        var short: [ShortHistory] = []
        var quiet = 0
        for history in histories {
            switch MemoryAnomalyDetector.detect(history, end: end.secondsSince1970) {
            case .anomaly(let anomaly): anomalies.append(anomaly)
            case .shortHistory(let history): short.append(history)
            case .quiet: quiet += 1
            }
        }
        // A container Prometheus has no sample of is history too short to read.
        let read = Set(histories.map { "\($0.workload)|\($0.container)" })
        for workload in inventory.workloads {
            for container in workload.containers where !read.contains("\(workload.ref)|\(container.name)") {
                short.append(ShortHistory(
                    workload: workload.ref, container: container.name, historySeconds: 0,
                    reason: "not enough history: no memory samples in the last \(DurationText.format(seconds: request.windowSeconds))"))
            }
        }
        return AnomalyReport(
            metadata: AnomalyReport.Metadata(
                source: inventory.read.source, namespaces: inventory.read.namespaces, prometheus: source.label, end: end,
                windowSeconds: request.windowSeconds, stepSeconds: request.stepSeconds),
            anomalies: anomalies, notEnoughHistory: short.sorted { ($0.workload, $0.container) < ($1.workload, $1.container) }, quiet: quiet,
            errors: inventory.read.snapshot.unreadable)
    }
}
