import HealAnalysis
import HealKube
import HealModel
import Logging

/// The use case behind `cost scenarios` and the MCP `cost_scenarios` tool: the figures of a
/// preset, of a pod described by its size, or of a workload's real requests, replicas and HPA
/// bounds (and its right-sizing when usage is known), priced scenario by scenario.
package struct ScenarioJob {
    package enum Subject: Sendable {
        case preset(ScenarioPreset)
        /// One pod's CPU (cores) and memory (bytes), and its replicas, without a cluster.
        case pod(cpu: Double, memory: Double, replicas: Int)
        case workload(WorkloadInventory.Request)
    }

    package struct Request: Sendable {
        package var subject: Subject
        /// Savings are against this scenario.
        package var baseline: ScenarioID
        package var overrides: ScenarioOverrides
        package var pricing: PricingSettings
        package var usage: UsageSettings
        package var prometheus: PrometheusAccess
        package var recommender: RecommenderSettings

        package init(
            subject: Subject, baseline: ScenarioID, overrides: ScenarioOverrides, pricing: PricingSettings, usage: UsageSettings,
            prometheus: PrometheusAccess, recommender: RecommenderSettings
        ) {
            self.subject = subject
            self.baseline = baseline
            self.overrides = overrides
            self.pricing = pricing
            self.usage = usage
            self.prometheus = prometheus
            self.recommender = recommender
        }
    }

    let environment: AppEnvironment
    let logger: Logger

    package init(environment: AppEnvironment, logLevel: Logger.Level) {
        self.environment = environment
        self.logger = environment.logger(level: logLevel)
    }

    package func run(_ request: Request) async throws -> ScenarioDocument {
        switch request.subject {
        case .preset(let preset):
            let report = try CostScenarios.evaluate(preset.input, baseline: request.baseline)
            return ScenarioDocument(metadata: .init(preset: preset.rawValue), report: report)
        case .pod(let cpu, let memory, let replicas):
            let overrides = request.overrides
            let input = ScenarioInput(
                perPod: ResourceAmounts(cpu: cpu, memory: memory), replicas: replicas, minReplicas: overrides.minReplicas ?? 1,
                peakReplicas: overrides.peakReplicas ?? replicas, peakHoursPerDay: overrides.peakHoursPerDay,
                offHoursPerDay: overrides.offHoursPerDay, daysPerMonth: overrides.daysPerMonth, standbyReplicas: overrides.standbyReplicas,
                prices: try PricingLoader.sheet(request.pricing))
            return ScenarioDocument(metadata: .init(), report: try CostScenarios.evaluate(input, baseline: request.baseline))
        case .workload(let target):
            return try await workload(target, request: request)
        }
    }

    private func workload(_ target: WorkloadInventory.Request, request: Request) async throws -> ScenarioDocument {
        let prices = try PricingLoader.sheet(request.pricing)
        let inventory = try await WorkloadInventory.load(target, environment: environment, logger: logger)
        guard let workload = inventory.workloads.first else {
            throw AppError.targetNotFound(type: target.target?.kind.kind.lowercased() ?? "deployment", name: target.target?.name ?? "", namespace: inventory.read.namespaces?.first)
        }
        let measured = try await UsageReader(environment: environment, logger: logger).read(
            UsageReader.request(
                for: inventory, workloads: [workload], usage: request.usage, prometheus: request.prometheus,
                cpuPercentiles: request.recommender.cpuPercentiles),
            client: inventory.read.client)
        let recommendation = Recommender.recommend(workload, usage: measured.usage[workload.ref], settings: request.recommender)
        let input = ScenarioInput.from(
            workload: workload, recommendation: Self.rightSizedPod(recommendation), overrides: request.overrides, prices: prices)
        return ScenarioDocument(
            metadata: .init(workload: workload.ref, source: inventory.read.source, usage: measured.description),
            report: try CostScenarios.evaluate(input, baseline: request.baseline))
    }

    /// One pod's recommended requests, when every container has a recommendation.
    static func rightSizedPod(_ recommendation: WorkloadRecommendation) -> ResourceAmounts? {
        var cpu = 0.0
        var memory = 0.0
        for container in recommendation.containers {
            guard let recommended = container.recommended, recommendation.source != .none else { return nil }
            cpu += recommended.requests.cpu ?? container.current.requests.cpu ?? 0
            memory += recommended.requests.memory ?? container.current.requests.memory ?? 0
        }
        return recommendation.containers.isEmpty ? nil : ResourceAmounts(cpu: cpu, memory: memory)
    }
}

/// The document `cost scenarios -o json|yaml` prints (kind `CostScenarioReport`).
package struct ScenarioDocument: Encodable, Sendable {
    package struct Metadata: Encodable, Sendable {
        package var preset: String?
        /// The workload whose real requests and replicas were used.
        package var workload: ResourceRef?
        package var source: DiagnosisReport.Source?
        package var usage: RecommendationReport.UsageDescription?

        package init(preset: String? = nil, workload: ResourceRef? = nil, source: DiagnosisReport.Source? = nil, usage: RecommendationReport.UsageDescription? = nil) {
            self.preset = preset
            self.workload = workload
            self.source = source
            self.usage = usage
        }
    }

    package var metadata: Metadata
    package var report: ScenarioReport

    private enum CodingKeys: String, CodingKey { case metadata }

    package func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
    }
}
