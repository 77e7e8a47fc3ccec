import HealModel

/// CPU in cores and memory in bytes, as requests or limits; nil where the spec sets none.
package struct ResourceAmounts: Sendable, Equatable, Codable {
    package var cpu: Double?
    package var memory: Double?

    package init(cpu: Double? = nil, memory: Double? = nil) {
        self.cpu = cpu
        self.memory = memory
    }
}

/// One container of a pod template: what it requests and where it is limited.
package struct ContainerResources: Sendable, Equatable {
    package var name: String
    package var requests: ResourceAmounts
    package var limits: ResourceAmounts

    package init(name: String, requests: ResourceAmounts = ResourceAmounts(), limits: ResourceAmounts = ResourceAmounts()) {
        self.name = name
        self.requests = requests
        self.limits = limits
    }
}
