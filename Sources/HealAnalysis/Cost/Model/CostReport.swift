/// What `kubectl heal cost` reports: workloads in (namespace, kind, name) order, totals per
/// namespace and overall.
package struct CostReport: Sendable, Equatable, Encodable {
    package var currency: Currency
    package var hoursPerMonth: Double
    package var workloads: [WorkloadCost]
    package var namespaces: [CostTotals]
    package var total: CostTotals
    /// A run over several clusters: each cluster's total (`namespaces` are per cluster too).
    package var clusters: [CostTotals]?

    package init(costs: [WorkloadCost], prices: PriceSheet) {
        currency = prices.currency
        hoursPerMonth = prices.hoursPerMonth
        workloads = costs.sorted { $0.ref < $1.ref }
        var groups: [(namespace: String?, costs: [WorkloadCost])] = []
        for cost in workloads {
            if let last = groups.indices.last, groups[last].namespace == cost.ref.namespace {
                groups[last].costs.append(cost)
            } else {
                groups.append((cost.ref.namespace, [cost]))
            }
        }
        namespaces = groups.map { CostTotals(namespace: $0.namespace, costs: $0.costs) }
        total = CostTotals(namespace: nil, costs: workloads)
    }
}
