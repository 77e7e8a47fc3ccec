extension ClusterSnapshot {
    /// Whether an object of this kind and name is in the snapshot (any namespace it holds).
    package func contains(_ kind: ResourceKind, named name: String) -> Bool {
        switch kind {
        case .pods: pods.contains { $0.metadata.name == name }
        case .events: events.contains { $0.metadata.name == name }
        case .deployments: deployments.contains { $0.metadata.name == name }
        case .replicaSets: replicaSets.contains { $0.metadata.name == name }
        case .statefulSets: statefulSets.contains { $0.metadata.name == name }
        case .daemonSets: daemonSets.contains { $0.metadata.name == name }
        case .jobs: jobs.contains { $0.metadata.name == name }
        case .services: services.contains { $0.metadata.name == name }
        case .endpointSlices: endpointSlices.contains { $0.metadata.name == name }
        case .nodes: nodes.contains { $0.metadata.name == name }
        case .persistentVolumeClaims: persistentVolumeClaims.contains { $0.metadata.name == name }
        case .horizontalPodAutoscalers: horizontalPodAutoscalers.contains { $0.metadata.name == name }
        case .ingresses: ingresses.contains { $0.metadata.name == name }
        case .podDisruptionBudgets: podDisruptionBudgets.contains { $0.metadata.name == name }
        }
    }
}
