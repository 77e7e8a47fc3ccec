import HealAnalysis
import HealModel
import HealUsage
import Logging

/// The use case behind `kubectl heal forecast`: the workloads in scope, each one's CPU and memory
/// history from Prometheus, a seasonal forecast chosen by backtest, the replicas it needs and,
/// with an HPA, a pre-scaling schedule.
package struct ForecastJob {
    package struct Request: Sendable {
        package var inventory: WorkloadInventory.Request
        package var prometheus: PrometheusAccess
        package var settings: WorkloadForecaster.Settings
        /// History read: two weeks, so the backtest week has a week behind it for `last-week`.
        package var historySeconds = 14 * 86_400.0
        package var stepSeconds = 600.0
        /// Memory moves slowly: a point every 15 minutes is a third of the data for the same forecast.
        package var memoryStepSeconds = 900.0
        /// For `-o patch`: what to write the schedules as; nil with `askForKEDA`: KEDA when the
        /// cluster serves it, else CronJobs.
        package var preScaling: PreScalingTarget?
        package var askForKEDA = false

        package init(inventory: WorkloadInventory.Request, prometheus: PrometheusAccess, settings: WorkloadForecaster.Settings) {
            self.inventory = inventory
            self.prometheus = prometheus
            self.settings = settings
        }
    }

    /// How far ahead: a daily model from two weeks of history says nothing past a week.
    package static let horizonLimits = 3600.0...(7 * 86_400)

    let environment: AppEnvironment
    let logger: Logger

    package init(environment: AppEnvironment, logLevel: Logger.Level) {
        self.environment = environment
        self.logger = environment.logger(level: logLevel)
    }

    package func run(_ request: Request) async throws -> ForecastReport {
        let inventory = try await WorkloadInventory.load(request.inventory, environment: environment, logger: logger)
        let client = try await PrometheusLocator(environment: environment, logger: logger).history(
            request.prometheus, client: inventory.read.client, namespace: inventory.read.namespaces?.first)
        let end = Timestamp(environment.now())
        let source = PrometheusWorkloadHistory(client: client, logger: logger)
        logger.info("reading \(DurationText.format(seconds: request.historySeconds)) of CPU and memory from \(source.label)")
        let histories = try await source.histories(
            for: inventory.workloads, end: end, windowSeconds: request.historySeconds, stepSeconds: request.stepSeconds,
            memoryStepSeconds: request.memoryStepSeconds)
        var forecasts: [WorkloadForecast] = []
        var short: [ShortHistory] = []
        for workload in inventory.workloads {
            let history = histories[workload.ref]
            switch WorkloadForecaster.forecast(
                workload, cpu: history?.cpu ?? [], memory: history?.memory ?? [], step: request.stepSeconds, memoryStep: request.memoryStepSeconds,
                end: end.secondsSince1970,
                settings: request.settings)
            {
            case .forecast(let forecast): forecasts.append(forecast)
            case .shortHistory(let history): short.append(history)
            }
        }
        var preScaling = request.preScaling
        if preScaling == nil, request.askForKEDA { preScaling = await PreScalingTarget.detect(client: inventory.read.client, logger: logger, describe: environment.describeError) }
        let allocatable = inventory.read.snapshot.nodes.compactMap { $0.status?.allocatable["cpu"]?.value }.reduce(0, +)
        return ForecastReport(
            metadata: ForecastReport.Metadata(
                source: inventory.read.source, namespaces: inventory.read.namespaces, prometheus: source.label, end: end,
                historySeconds: request.historySeconds, stepSeconds: request.stepSeconds, horizonSeconds: request.settings.horizonSeconds,
                preScaling: preScaling),
            workloads: forecasts, capacity: ForecastReport.capacity(forecasts, workloads: inventory.workloads, allocatableCores: allocatable),
            notEnoughHistory: short, errors: inventory.read.snapshot.unreadable)
    }
}
