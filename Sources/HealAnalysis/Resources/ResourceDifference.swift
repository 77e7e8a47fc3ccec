/// Recommended minus current requests: negative frees capacity. Nil where either side is unset.
package struct ResourceDifference: Sendable, Equatable, Codable {
    package var perPod: ResourceAmounts
    /// `perPod` × the workload's replicas.
    package var total: ResourceAmounts

    package init(current: ResourceAmounts, recommended: ResourceAmounts, replicas: Int) {
        perPod = ResourceAmounts(
            cpu: recommended.cpu.flatMap { new in current.cpu.map { new - $0 } },
            memory: recommended.memory.flatMap { new in current.memory.map { new - $0 } })
        let pods = Double(replicas)
        total = ResourceAmounts(cpu: perPod.cpu.map { $0 * pods }, memory: perPod.memory.map { $0 * pods })
    }
}
