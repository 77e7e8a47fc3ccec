import HealModel

/// Sums over a namespace's workloads, or over all of them.
package struct CostTotals: Sendable, Equatable, Encodable, ClusterTagged {
    /// nil for the grand total.
    package var namespace: String?
    package var workloads: Int
    package var cpu: Double
    package var memory: Double
    package var total: Double
    /// The idle cost of the workloads whose idle cost is known; nil when none is.
    package var idle: Double?
    /// Workloads left out of `idle` because their usage is unknown.
    package var workloadsWithoutIdle: Int
    /// The kubeconfig context, in a run over several clusters (nil with `namespace` nil: the
    /// grand total).
    package var cluster: String?

    package init(namespace: String?, costs: [WorkloadCost]) {
        self.namespace = namespace
        workloads = costs.count
        cpu = costs.reduce(0) { $0 + $1.cpu }
        memory = costs.reduce(0) { $0 + $1.memory }
        total = costs.reduce(0) { $0 + $1.total }
        let idles = costs.compactMap(\.idle)
        idle = idles.isEmpty ? nil : idles.reduce(0, +)
        workloadsWithoutIdle = costs.count - idles.count
    }
}
