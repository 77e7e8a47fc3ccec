extension ClusterSnapshot {
    /// The part of a snapshot a live run with the same flags would have read: one namespace
    /// (or all), minus excluded namespaces. Nodes are cluster-scoped and always kept.
    package func restricted(toNamespace namespace: String?, excluding excluded: [String]) -> ClusterSnapshot {
        let excluded = Set(excluded)
        func inScope(_ meta: ObjectMeta) -> Bool { meta.isIn(namespace: namespace, excluding: excluded) }
        var result = self
        result.pods = pods.filter { inScope($0.metadata) }
        result.events = events.filter { inScope($0.metadata) }
        result.deployments = deployments.filter { inScope($0.metadata) }
        result.replicaSets = replicaSets.filter { inScope($0.metadata) }
        result.statefulSets = statefulSets.filter { inScope($0.metadata) }
        result.daemonSets = daemonSets.filter { inScope($0.metadata) }
        result.jobs = jobs.filter { inScope($0.metadata) }
        result.services = services.filter { inScope($0.metadata) }
        result.endpointSlices = endpointSlices.filter { inScope($0.metadata) }
        result.persistentVolumeClaims = persistentVolumeClaims.filter { inScope($0.metadata) }
        result.horizontalPodAutoscalers = horizontalPodAutoscalers.filter { inScope($0.metadata) }
        result.ingresses = ingresses.filter { inScope($0.metadata) }
        result.podDisruptionBudgets = podDisruptionBudgets.filter { inScope($0.metadata) }
        let podNames = Set(result.pods.map { "\($0.metadata.namespace ?? "")/\($0.metadata.name)" })
        result.logs = logs.filter { podNames.contains("\($0.key.namespace)/\($0.key.pod)") }
        return result
    }
}

extension ObjectMeta {
    /// Whether the object lies in `namespace` (any, when nil) and outside the excluded ones: the
    /// scope rule a live collection and a restricted snapshot share.
    package func isIn(namespace scope: String?, excluding excluded: Set<String>) -> Bool {
        let objectNamespace = namespace ?? ""
        if let scope, objectNamespace != scope { return false }
        return !excluded.contains(objectNamespace)
    }
}
