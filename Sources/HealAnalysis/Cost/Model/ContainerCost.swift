/// One container of a workload, costed over all of the workload's replicas.
package struct ContainerCost: Sendable, Equatable, Encodable {
    package var name: String
    package var cpu: ResourceCost
    package var memory: ResourceCost

    package init(name: String, cpu: ResourceCost, memory: ResourceCost) {
        self.name = name
        self.cpu = cpu
        self.memory = memory
    }
}
