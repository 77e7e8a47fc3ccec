import Foundation
import HealAnalysis
import HealKube
import HealModel
import HealStore
import Logging

/// The use case behind `recommend-limits` and the MCP `recommend_limits` and `apply_limits`
/// tools: the workloads, their usage, what healing learned, the recommendations; then, when
/// asked, the changes.
package struct RecommendJob {
    package struct Request: Sendable {
        package var inventory: WorkloadInventory.Request
        package var settings: RecommenderSettings
        package var usage: UsageSettings
        package var prometheus: PrometheusAccess
        /// The store of fixes whose learned memory values are floors; nil for the default.
        package var store: String?
        /// Reaches a ConfigMap store when the workloads come from snapshot files.
        package var cluster: ConfigOverrides

        package init(
            inventory: WorkloadInventory.Request, settings: RecommenderSettings, usage: UsageSettings, prometheus: PrometheusAccess, store: String?,
            cluster: ConfigOverrides
        ) {
            self.inventory = inventory
            self.settings = settings
            self.usage = usage
            self.prometheus = prometheus
            self.store = store
            self.cluster = cluster
        }
    }

    package struct Outcome: Sendable {
        package var report: RecommendationReport
        var workloads: [WorkloadResources]
        /// The client the workloads were read with (nil for snapshot files); applying uses it.
        package var client: KubeClient?
    }

    let environment: AppEnvironment
    let logLevel: Logger.Level
    let logger: Logger

    package init(environment: AppEnvironment, logLevel: Logger.Level) {
        self.environment = environment
        self.logLevel = logLevel
        self.logger = environment.logger(level: logLevel)
    }

    package func run(_ request: Request) async throws -> Outcome {
        let inventory = try await WorkloadInventory.load(request.inventory, environment: environment, logger: logger)
        let client = inventory.read.client
        let measured = try await UsageReader(environment: environment, logger: logger).read(
            UsageReader.request(for: inventory, usage: request.usage, prometheus: request.prometheus, cpuPercentiles: request.settings.cpuPercentiles),
            client: client)
        let keys = inventory.workloads.map { WorkloadKey(namespace: $0.ref.namespace ?? "default", kind: $0.ref.kind, name: $0.ref.name) }
        let learned = await LearnedMemoryReader(environment: environment, logger: logger).read(
            for: keys, store: request.store, cluster: request.cluster, client: client, logLevel: logLevel) ?? [:]
        let recommendations = zip(inventory.workloads, keys).map { workload, key in
            Recommender.recommend(workload, usage: measured.usage[workload.ref], learnedMemoryBytes: learned[key] ?? [:], settings: request.settings)
        }
        let metadata = RecommendationReport.Metadata(
            source: inventory.read.source, namespaces: inventory.read.namespaces, usage: measured.description, settings: request.settings)
        return Outcome(
            report: RecommendationReport(metadata: metadata, workloads: recommendations, errors: inventory.read.snapshot.unreadable),
            workloads: inventory.workloads, client: client)
    }

    /// Every workload whose recommendation changes something, through `ResizeJob`. A stop (the
    /// environment's signal, or cancelling the caller) restores the change being verified
    /// instead of leaving it half-done.
    package func apply(_ outcome: Outcome, client: KubeClient, guardRails: ResizeJob.GuardRails) async throws -> [ResizeResult] {
        let workloads = Dictionary(outcome.workloads.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
        let changes = outcome.report.workloads.compactMap { recommendation -> ResizeJob.Change? in
            guard let patch = recommendation.patch, let workload = workloads[recommendation.ref] else { return nil }
            return ResizeJob.Change(
                workload: recommendation.ref, patch: patch.body, summary: Self.summary(recommendation),
                labels: workload.labels, annotations: workload.annotations)
        }
        let job = ResizeJob(environment: environment, logger: logger)
        return try await Interruption.run({ await job.run(changes, guardRails: guardRails, client: client) }, stop: environment.stopRequested)
    }

    /// "set the resources of deployment/web: app cpu request 100m → 212m, memory limit 128Mi → 352Mi".
    static func summary(_ recommendation: WorkloadRecommendation) -> String {
        var parts: [String] = []
        for container in recommendation.containers where container.hasChanges {
            guard let new = container.recommended else { continue }
            let old = container.current
            let fields: [(String, String?, String?)] = [
                ("cpu request", old.requests.cpu.map(Quantity.formatCores), new.requests.cpu.map(Quantity.formatCores)),
                ("cpu limit", old.limits.cpu.map(Quantity.formatCores), new.limits.cpu.map(Quantity.formatCores)),
                ("memory request", old.requests.memory.map(Quantity.formatBytes), new.requests.memory.map(Quantity.formatBytes)),
                ("memory limit", old.limits.memory.map(Quantity.formatBytes), new.limits.memory.map(Quantity.formatBytes)),
            ]
            let changed = fields.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.1 ?? "unset") → \($0.2 ?? "unset")" }
            parts.append("\(container.name) \(changed.joined(separator: ", "))")
        }
        return "set the resources of \(recommendation.ref.typeAndName): \(parts.joined(separator: "; "))"
    }
}
