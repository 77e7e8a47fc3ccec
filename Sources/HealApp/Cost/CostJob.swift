import HealAnalysis
import HealKube
import HealModel
import Logging

/// The use case behind `cost` and the MCP `cost` tool: the workloads, their mean usage where a source has
/// it, priced with the sheet.
package struct CostJob {
    package struct Request: Sendable {
        package var inventory: WorkloadInventory.Request
        package var usage: UsageSettings
        package var prometheus: PrometheusAccess
        package var pricing: PricingSettings

        package init(inventory: WorkloadInventory.Request, usage: UsageSettings, prometheus: PrometheusAccess, pricing: PricingSettings) {
            self.inventory = inventory
            self.usage = usage
            self.prometheus = prometheus
            self.pricing = pricing
        }
    }

    let environment: AppEnvironment
    let logger: Logger

    package init(environment: AppEnvironment, logLevel: Logger.Level) {
        self.environment = environment
        self.logger = environment.logger(level: logLevel)
    }

    package func run(_ request: Request) async throws -> CostDocument {
        let prices = try PricingLoader.sheet(request.pricing)
        let inventory = try await WorkloadInventory.load(request.inventory, environment: environment, logger: logger)
        let measured = try await UsageReader(environment: environment, logger: logger).read(
            UsageReader.request(for: inventory, usage: request.usage, prometheus: request.prometheus, cpuPercentiles: []),
            client: inventory.read.client)
        return CostDocument(
            metadata: CostDocument.Metadata(
                source: inventory.read.source, namespaces: inventory.read.namespaces, usage: measured.description,
                prices: EffectivePrices(cpuPerCoreHour: prices.cpuPerCoreHour, memoryPerGiBHour: prices.memoryPerGiBHour)),
            report: CostModel.report(workloads: inventory.workloads, usage: measured.usage, prices: prices),
            errors: inventory.read.snapshot.unreadable)
    }
}

/// The document `cost -o json|yaml` prints and the MCP `cost` tool returns (kind `CostReport`): the report's own fields plus
/// where the figures came from.
package struct CostDocument: Encodable, Sendable {
    package struct Metadata: Encodable, Sendable {
        package var source: DiagnosisReport.Source
        package var namespaces: [String]?
        package var usage: RecommendationReport.UsageDescription
        /// The sheet's own prices, before node pool and namespace overrides.
        package var prices: EffectivePrices
        /// A run over several clusters: each context with its server and usage source, or the
        /// error that kept it out (also in `errors`).
        package var clusters: [FleetCluster]?
    }

    package var metadata: Metadata
    package var report: CostReport
    package var errors: [UnreadableResource]

    private enum CodingKeys: String, CodingKey { case metadata, errors }

    package func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(errors, forKey: .errors)
    }
}
