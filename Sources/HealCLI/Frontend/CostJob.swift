import HealAnalysis
import HealKube
import HealModel
import Logging

/// The library entry point behind `cost`: the workloads, their mean usage where a source has
/// it, priced with the sheet.
struct CostJob {
    struct Request {
        var inventory: WorkloadInventory.Request
        var usage: UsageOptions
        var prometheus: PrometheusOptions
        var pricing: PricingOptions
    }

    let environment: CLIEnvironment
    let logger: Logger

    init(environment: CLIEnvironment, logLevel: Logger.Level) {
        self.environment = environment
        self.logger = StandardErrorLogHandler.logger("heal", sink: environment.standardError, level: logLevel)
    }

    func run(_ request: Request) async throws -> CostDocument {
        let prices = try PricingLoader.sheet(request.pricing)
        let inventory = try await WorkloadInventory.load(request.inventory, environment: environment, logger: logger)
        let measured = try await UsageReader(environment: environment, logger: logger).read(
            UsageReader.request(for: inventory, options: request.usage, prometheus: request.prometheus, cpuPercentiles: []),
            client: inventory.read.client)
        return CostDocument(
            metadata: CostDocument.Metadata(
                source: inventory.read.source, namespaces: inventory.read.namespaces, usage: measured.description,
                prices: EffectivePrices(cpuPerCoreHour: prices.cpuPerCoreHour, memoryPerGiBHour: prices.memoryPerGiBHour)),
            report: CostModel.report(workloads: inventory.workloads, usage: measured.usage, prices: prices),
            errors: inventory.read.snapshot.unreadable)
    }
}

/// The document `cost -o json|yaml` prints (kind `CostReport`): the report's own fields plus
/// where the figures came from.
struct CostDocument: Encodable, Sendable {
    struct Metadata: Encodable, Sendable {
        var source: DiagnosisReport.Source
        var namespaces: [String]?
        var usage: RecommendationReport.UsageDescription
        /// The sheet's own prices, before node pool and namespace overrides.
        var prices: EffectivePrices
    }

    var metadata: Metadata
    var report: CostReport
    var errors: [UnreadableResource]

    private enum CodingKeys: String, CodingKey { case metadata, errors }

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(errors, forKey: .errors)
    }
}
