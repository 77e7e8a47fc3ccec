import HealAnalysis
import HealModel

extension CostDocument {
    /// Several clusters priced with one sheet as one document (see `CostReport.fleet`), with
    /// `metadata.clusters` listing each cluster's server and usage source or the failure that
    /// kept it out (`failures`, also first in `errors`).
    package static func fleet(
        _ members: [(context: String, report: CostDocument)], failures: [UnreadableResource], order: [String], pricing: PricingSettings
    ) throws -> CostDocument {
        let prices = try PricingLoader.sheet(pricing)
        let usages = members.map { ($0.context, $0.report.metadata.usage) }
        return CostDocument(
            metadata: Metadata(
                source: DiagnosisReport.Source(type: "fleet"), namespaces: members.first?.report.metadata.namespaces, usage: .fleet(usages),
                prices: EffectivePrices(cpuPerCoreHour: prices.cpuPerCoreHour, memoryPerGiBHour: prices.memoryPerGiBHour),
                clusters: FleetCluster.entries(
                    order: order, answered: members.map { ($0.context, $0.report.metadata.source, $0.report.metadata.usage) }, failures: failures)),
            report: CostReport.fleet(members.map { ($0.context, $0.report.report) }, prices: prices),
            errors: FleetCluster.errors(failures, members.map { ($0.context, $0.report.errors) }))
    }
}
