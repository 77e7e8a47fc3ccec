/// Right-sizes workloads from their usage, their OOM kills and what healing learned they
/// needed. Pure: the caller fetches usage and reads the store.
package enum Recommender {
    /// - Parameter learnedMemoryBytes: memory the healing store recorded as enough, by container.
    package static func recommend(
        _ workload: WorkloadResources, usage: WorkloadUsage?, learnedMemoryBytes: [String: Double] = [:], settings: RecommenderSettings
    ) -> WorkloadRecommendation {
        let source = usage?.source ?? .none
        let sizer = ContainerSizer(settings: settings, source: source, replicas: workload.replicas)
        let containers = workload.containers.map { container in
            sizer.recommend(
                container, usage: usage?.containers[container.name], oomKills: workload.oomKills[container.name] ?? [],
                learnedMemoryBytes: learnedMemoryBytes[container.name])
        }
        return WorkloadRecommendation(ref: workload.ref, replicas: workload.replicas, source: source, containers: containers)
    }
}
