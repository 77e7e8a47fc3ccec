import HealAnalysis
import HealModel

/// A Deployment with one container "app" (500m, 512Mi, no CPU limit) and Prometheus usage for
/// it (14 days, 4032 samples: p95 211.5m, peak 301Mi) — each test changes what it is about.
enum SizingExample {
    static let mi = 1_048_576.0
    static let hour = 3600.0
    static let day = 86_400.0
    static let ref = ResourceRef(kind: "Deployment", namespace: "shop", name: "api")

    static func container(
        _ name: String = "app", cpu: Double? = 0.5, memory: Double? = 512 * mi, cpuLimit: Double? = nil, memoryLimit: Double? = 512 * mi
    ) -> ContainerResources {
        ContainerResources(
            name: name, requests: ResourceAmounts(cpu: cpu, memory: memory), limits: ResourceAmounts(cpu: cpuLimit, memory: memoryLimit))
    }

    static func workload(_ containers: [ContainerResources] = [container()], replicas: Int = 1, oomKills: [String: [OOMKill]] = [:])
        -> WorkloadResources
    {
        WorkloadResources(ref: ref, replicas: replicas, containers: containers, oomKills: oomKills)
    }

    static func figures(
        _ name: String = "app", cpu: [Double: Double] = [95: 0.2115], peak: Double? = 301 * mi, seconds: Double = 14 * day,
        samples: Int = 4032, oomKills: [OOMKill] = []
    ) -> ContainerUsage {
        ContainerUsage(
            container: name, cpuPercentiles: cpu, memoryPeakBytes: peak, samples: samples, historySeconds: seconds, oomKills: oomKills)
    }

    static func usage(_ source: UsageSourceKind = .prometheus, _ figures: ContainerUsage...) -> WorkloadUsage {
        WorkloadUsage(workload: ref, source: source, containers: Dictionary(uniqueKeysWithValues: figures.map { ($0.container, $0) }))
    }

    static func kill(atMi limit: Double?, seenIn: String = "pod status") -> OOMKill {
        OOMKill(limitBytes: limit.map { $0 * mi }, at: nil, seenIn: seenIn)
    }

    /// The recommendation for the only (or first) container.
    static func recommend(
        _ workload: WorkloadResources = workload(), usage: WorkloadUsage? = usage(.prometheus, figures()),
        learned: [String: Double] = [:], settings: RecommenderSettings = RecommenderSettings()
    ) -> ContainerRecommendation? {
        Recommender.recommend(workload, usage: usage, learnedMemoryBytes: learned, settings: settings).containers.first
    }
}

extension ContainerRecommendation {
    /// The recommended quantities as a patch writes them: requests cpu, requests memory, limits
    /// cpu, limits memory ("-" for unset).
    var recommendedText: [String] {
        guard let recommended else { return [] }
        return [
            recommended.requests.cpu.map(Quantity.formatCores), recommended.requests.memory.map(Quantity.formatBytes),
            recommended.limits.cpu.map(Quantity.formatCores), recommended.limits.memory.map(Quantity.formatBytes),
        ].map { $0 ?? "-" }
    }
}
