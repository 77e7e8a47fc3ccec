import HealModel

extension CostReport {
    /// Several clusters' costs as one report, priced with one sheet: workloads and namespace
    /// totals tagged with their context in the order the clusters were asked for, each
    /// cluster's total in `clusters`, and the grand total over all of them.
    package static func fleet(_ members: [(context: String, report: CostReport)], prices: PriceSheet) -> CostReport {
        var report = CostReport(costs: [], prices: prices)
        for (context, member) in members {
            report.workloads += member.workloads.inCluster(context)
            report.namespaces += member.namespaces.inCluster(context)
        }
        report.clusters = members.map { $0.report.total.inCluster($0.context) }
        report.total = CostTotals(namespace: nil, costs: report.workloads)
        return report
    }
}
