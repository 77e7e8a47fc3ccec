import HealAnalysis
import HealModel

/// Workloads and tolerances shared by the cost suites.
enum CostFixtures {
    static let mebibyte = 1_048_576.0
    static let gibibyte = 1_073_741_824.0

    static func workload(
        _ name: String, namespace: String = "shop", kind: String = "Deployment", replicas: Int, autoscaling: ReplicaBounds? = nil,
        containers: [ContainerResources], nodeLabels: [String: String] = [:]
    ) -> WorkloadResources {
        WorkloadResources(
            ref: ResourceRef(kind: kind, namespace: namespace, name: name), replicas: replicas, autoscaling: autoscaling,
            containers: containers, nodeLabels: nodeLabels)
    }

    static func container(_ name: String, cpu: Double?, memoryMi: Double?) -> ContainerResources {
        ContainerResources(name: name, requests: ResourceAmounts(cpu: cpu, memory: memoryMi.map { $0 * mebibyte }))
    }

    /// Mean usage of one container, as a usage source reports it.
    static func usage(_ name: String, cpu: Double?, memoryMi: Double?) -> ContainerUsage {
        ContainerUsage(
            container: name, cpuMeanCores: cpu, memoryMeanBytes: memoryMi.map { $0 * mebibyte }, samples: 100, historySeconds: 86_400)
    }

    /// Money is compared exactly in cents; the raw figures to a billionth of a dollar.
    static func close(_ lhs: Double?, _ rhs: Double?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): true
        case (let lhs?, let rhs?): abs(lhs - rhs) < 1e-9
        default: false
        }
    }
}
