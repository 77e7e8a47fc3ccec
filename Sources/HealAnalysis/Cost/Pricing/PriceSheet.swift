/// What an hour of CPU and memory costs, with overrides per node pool and per namespace.
/// The defaults are on-demand list prices of a general-purpose cloud VM split per vCPU and GiB.
package struct PriceSheet: Sendable, Equatable {
    package static let defaultCPUPerCoreHour = 0.031611
    package static let defaultMemoryPerGiBHour = 0.004237
    package static let defaultHoursPerMonth = 730.0
    /// 31 days × 24 h: the most hours a month can have.
    package static let hoursPerMonthRange = 1.0...744.0

    package var cpuPerCoreHour: Double
    package var memoryPerGiBHour: Double
    package var hoursPerMonth: Double
    package var currency: Currency
    /// Checked in order; the first pool whose selector the node's labels carry applies.
    package var nodePools: [NodePoolPrices]
    /// Checked in order; the first pattern matching the namespace applies, over the node pool.
    package var namespaces: [NamespacePrices]

    package init(
        cpuPerCoreHour: Double = defaultCPUPerCoreHour, memoryPerGiBHour: Double = defaultMemoryPerGiBHour,
        hoursPerMonth: Double = defaultHoursPerMonth, currency: Currency = .usd, nodePools: [NodePoolPrices] = [],
        namespaces: [NamespacePrices] = []
    ) {
        self.cpuPerCoreHour = cpuPerCoreHour
        self.memoryPerGiBHour = memoryPerGiBHour
        self.hoursPerMonth = hoursPerMonth
        self.currency = currency
        self.nodePools = nodePools
        self.namespaces = namespaces
    }

    /// The prices for pods in `namespace` on a node with `nodeLabels` (empty when the node is
    /// unknown: then no node pool matches).
    package func prices(namespace: String?, nodeLabels: [String: String]) -> EffectivePrices {
        var prices = EffectivePrices(cpuPerCoreHour: cpuPerCoreHour, memoryPerGiBHour: memoryPerGiBHour)
        if let pool = nodePools.first(where: { $0.matches(nodeLabels) }) {
            let kept = 1 - (pool.spotDiscountPercent ?? 0) / 100
            prices.cpuPerCoreHour = (pool.cpuPerCoreHour ?? cpuPerCoreHour) * kept
            prices.memoryPerGiBHour = (pool.memoryPerGiBHour ?? memoryPerGiBHour) * kept
            prices.nodePool = pool.name
        }
        if let namespace, let rule = namespaces.first(where: { $0.pattern.matches(namespace) }) {
            prices.cpuPerCoreHour = rule.cpuPerCoreHour ?? prices.cpuPerCoreHour
            prices.memoryPerGiBHour = rule.memoryPerGiBHour ?? prices.memoryPerGiBHour
            prices.namespaceMatch = rule.pattern.text
        }
        return prices
    }
}
