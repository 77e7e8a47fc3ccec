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

        package init(inventory: WorkloadInventory.Request, prometheus: PrometheusAccess, windowSeconds: Double) {
            self.inventory = inventory
            self.prometheus = prometheus
            self.windowSeconds = windowSeconds
        }
    }

    /// How much history a run may read: an hour says something, 30 days at a 5-minute step is
    /// under Prometheus' 11,000 points per series.
    package static let windowLimits = 3600.0...(30 * 86_400)

    let environment: AppEnvironment
    let logger: Logger

    package init(environment: AppEnvironment, logLevel: Logger.Level) {
        self.environment = environment
        self.logger = environment.logger(level: logLevel)
    }

    package func run(_ request: Request) async throws -> AnomalyReport {
        let inventory = try await WorkloadInventory.load(request.inventory, environment: environment, logger: logger)
        let client = try await PrometheusLocator(environment: environment, logger: logger).history(
            request.prometheus, client: inventory.read.client, namespace: inventory.read.namespaces?.first)
        let end = Timestamp(environment.now())
        let found = try await AnomalyDetection(client: client, logger: logger).detect(inventory.workloads, end: end, windowSeconds: request.windowSeconds)
        return AnomalyReport(
            metadata: AnomalyReport.Metadata(
                source: inventory.read.source, namespaces: inventory.read.namespaces, prometheus: found.source, end: end,
                windowSeconds: request.windowSeconds, stepSeconds: AnomalyDetection.stepSeconds),
            anomalies: found.anomalies, notEnoughHistory: found.short, containers: found.containers, quiet: found.quiet, errors: inventory.read.snapshot.unreadable)
    }
}
