import HealModel

/// The sizing of one workload: its containers' recommendations and the worst of their severities.
package struct WorkloadRecommendation: Sendable, Equatable, Codable, ClusterTagged {
    package var ref: ResourceRef
    package var replicas: Int
    /// Where the usage figures came from (`none` when there were none for this workload).
    package var source: UsageSourceKind
    package var containers: [ContainerRecommendation]
    package var severity: SizingSeverity
    /// The kubeconfig context, in a run over several clusters.
    package var cluster: String?

    package init(ref: ResourceRef, replicas: Int, source: UsageSourceKind, containers: [ContainerRecommendation]) {
        self.ref = ref
        self.replicas = replicas
        self.source = source
        self.containers = containers
        severity = containers.map(\.severity).max() ?? .unknown
    }

    package var hasChanges: Bool {
        containers.contains { $0.hasChanges }
    }
}
