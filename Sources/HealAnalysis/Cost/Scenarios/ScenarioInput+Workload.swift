extension ScenarioInput {
    /// Scenarios for a live workload: one pod's real requests (a missing request counts as 0
    /// and is listed), its replicas, its HPA's bounds unless overridden, and the prices of its
    /// namespace and node.
    package static func from(
        workload: WorkloadResources, recommendation: ResourceAmounts?, overrides: ScenarioOverrides = ScenarioOverrides(),
        prices: PriceSheet
    ) -> ScenarioInput {
        var cpu = 0.0
        var memory = 0.0
        var missing: [MissingRequest] = []
        for container in workload.containers {
            if let request = container.requests.cpu {
                cpu += request
            } else {
                missing.append(MissingRequest(container: container.name, resource: .cpu))
            }
            if let request = container.requests.memory {
                memory += request
            } else {
                missing.append(MissingRequest(container: container.name, resource: .memory))
            }
        }
        return ScenarioInput(
            perPod: ResourceAmounts(cpu: cpu, memory: memory), replicas: workload.replicas,
            minReplicas: overrides.minReplicas ?? workload.autoscaling?.min ?? 1,
            peakReplicas: overrides.peakReplicas ?? workload.autoscaling?.max ?? workload.replicas,
            peakHoursPerDay: overrides.peakHoursPerDay, offHoursPerDay: overrides.offHoursPerDay, daysPerMonth: overrides.daysPerMonth,
            standbyReplicas: overrides.standbyReplicas, rightSizedPerPod: recommendation, prices: prices,
            namespace: workload.ref.namespace, nodeLabels: workload.nodeLabels, missingRequests: missing)
    }
}
