import HealModel

/// A workload's monthly cost: CPU and memory priced separately over all replicas.
package struct WorkloadCost: Sendable, Equatable, Encodable, ClusterTagged {
    package var ref: ResourceRef
    package var replicas: Int
    package var prices: EffectivePrices
    /// Where the usage figures came from; nil when usage is unknown and requests were billed.
    package var usageSource: UsageSourceKind?
    package var cpu: Double
    package var memory: Double
    package var total: Double
    /// Requested but unused, priced the same; nil when usage is unknown for any requested
    /// resource, since a partial figure would understate it.
    package var idle: Double?
    /// `usage` when any container was billed on its usage, else `request` (or `no-request`
    /// when nothing was requested or used).
    package var cpuBasis: CostBasis
    package var memoryBasis: CostBasis
    package var containers: [ContainerCost]
    /// Resources with neither a request nor usage, costed at 0.
    package var missingRequests: [MissingRequest]
    /// The kubeconfig context, in a run over several clusters.
    package var cluster: String?

    package init(
        ref: ResourceRef, replicas: Int, prices: EffectivePrices, usageSource: UsageSourceKind?, cpu: Double, memory: Double,
        idle: Double?, cpuBasis: CostBasis, memoryBasis: CostBasis, containers: [ContainerCost], missingRequests: [MissingRequest]
    ) {
        self.ref = ref
        self.replicas = replicas
        self.prices = prices
        self.usageSource = usageSource
        self.cpu = cpu
        self.memory = memory
        self.total = cpu + memory
        self.idle = idle
        self.cpuBasis = cpuBasis
        self.memoryBasis = memoryBasis
        self.containers = containers
        self.missingRequests = missingRequests
    }
}
