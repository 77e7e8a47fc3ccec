/// The prices that apply to one workload after the node-pool and namespace overrides.
package struct EffectivePrices: Sendable, Equatable, Encodable {
    package var cpuPerCoreHour: Double
    package var memoryPerGiBHour: Double
    /// The node pool whose prices applied, when the workload's node matched one.
    package var nodePool: String?
    /// The namespace pattern whose prices applied over the node pool's.
    package var namespaceMatch: String?

    package init(cpuPerCoreHour: Double, memoryPerGiBHour: Double, nodePool: String? = nil, namespaceMatch: String? = nil) {
        self.cpuPerCoreHour = cpuPerCoreHour
        self.memoryPerGiBHour = memoryPerGiBHour
        self.nodePool = nodePool
        self.namespaceMatch = namespaceMatch
    }

    /// For a table column: "spot", "batch-*", "spot, batch-*"; nil when the defaults applied.
    package var overrideName: String? {
        let names = [nodePool, namespaceMatch].compactMap(\.self)
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }
}
