import HealAnalysis
import HealKube
import HealModel
import Logging

/// The library entry point behind `cost scenarios`: the figures of a preset, of flags, or of a
/// workload's real requests, replicas and HPA bounds (and its right-sizing when usage is
/// known), priced scenario by scenario.
struct ScenarioJob {
    enum Subject {
        case preset(ScenarioPreset)
        /// --cpu-per-pod/--memory-per-pod/--replicas without a cluster.
        case pod(cpu: Double, memory: Double, replicas: Int)
        case workload(WorkloadInventory.Request)
    }

    struct Request {
        var subject: Subject
        var options: ScenarioOptions
        var pricing: PricingOptions
        var usage: UsageOptions
        var prometheus: PrometheusOptions
        var recommender: RecommenderSettings
    }

    let environment: CLIEnvironment
    let logger: Logger

    init(environment: CLIEnvironment, logLevel: Logger.Level) {
        self.environment = environment
        self.logger = StandardErrorLogHandler.logger("heal", sink: environment.standardError, level: logLevel)
    }

    func run(_ request: Request) async throws -> ScenarioDocument {
        let baseline = try request.options.baselineID()
        switch request.subject {
        case .preset(let preset):
            let report = try CostScenarios.evaluate(preset.input, baseline: baseline)
            return ScenarioDocument(metadata: .init(preset: preset.rawValue), report: report)
        case .pod(let cpu, let memory, let replicas):
            let overrides = request.options.overrides
            let input = ScenarioInput(
                perPod: ResourceAmounts(cpu: cpu, memory: memory), replicas: replicas, minReplicas: overrides.minReplicas ?? 1,
                peakReplicas: overrides.peakReplicas ?? replicas, peakHoursPerDay: overrides.peakHoursPerDay,
                offHoursPerDay: overrides.offHoursPerDay, daysPerMonth: overrides.daysPerMonth, standbyReplicas: overrides.standbyReplicas,
                prices: try PricingLoader.sheet(request.pricing))
            return ScenarioDocument(metadata: .init(), report: try CostScenarios.evaluate(input, baseline: baseline))
        case .workload(let target):
            return try await workload(target, request: request, baseline: baseline)
        }
    }

    private func workload(_ target: WorkloadInventory.Request, request: Request, baseline: ScenarioID) async throws -> ScenarioDocument {
        let prices = try PricingLoader.sheet(request.pricing)
        let inventory = try await WorkloadInventory.load(target, environment: environment, logger: logger)
        guard let workload = inventory.workloads.first else {
            throw CLIError.targetNotFound(type: target.target?.kind.kind.lowercased() ?? "deployment", name: target.target?.name ?? "", namespace: inventory.read.namespaces?.first)
        }
        let measured = try await UsageReader(environment: environment, logger: logger).read(
            UsageReader.request(
                for: inventory, workloads: [workload], options: request.usage, prometheus: request.prometheus,
                cpuPercentiles: request.recommender.cpuPercentiles),
            client: inventory.read.client)
        let recommendation = Recommender.recommend(workload, usage: measured.usage[workload.ref], settings: request.recommender)
        let input = ScenarioInput.from(
            workload: workload, recommendation: Self.rightSizedPod(recommendation), overrides: request.options.overrides, prices: prices)
        return ScenarioDocument(
            metadata: .init(workload: workload.ref, source: inventory.read.source, usage: measured.description),
            report: try CostScenarios.evaluate(input, baseline: baseline))
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
struct ScenarioDocument: Encodable, Sendable {
    struct Metadata: Encodable, Sendable {
        var preset: String?
        /// The workload whose real requests and replicas were used.
        var workload: ResourceRef?
        var source: DiagnosisReport.Source?
        var usage: RecommendationReport.UsageDescription?

        init(preset: String? = nil, workload: ResourceRef? = nil, source: DiagnosisReport.Source? = nil, usage: RecommendationReport.UsageDescription? = nil) {
            self.preset = preset
            self.workload = workload
            self.source = source
            self.usage = usage
        }
    }

    var metadata: Metadata
    var report: ScenarioReport

    private enum CodingKeys: String, CodingKey { case metadata }

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
    }
}
