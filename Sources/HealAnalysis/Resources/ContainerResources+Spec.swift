import HealModel

extension ContainerResources {
    /// CPU and memory of a container spec; other resources (ephemeral storage, GPUs) are not sized.
    init(spec: Container) {
        let resources = spec.resources
        self.init(
            name: spec.name,
            requests: ResourceAmounts(cpu: resources?.requests["cpu"]?.value, memory: resources?.requests["memory"]?.value),
            limits: ResourceAmounts(cpu: resources?.limits["cpu"]?.value, memory: resources?.limits["memory"]?.value))
    }
}
