extension ClusterSnapshot {
    /// The part of a snapshot a live run with the same flags would have read: one namespace
    /// (or all), minus excluded namespaces, and — for kinds that carry workload labels — only
    /// objects matching the label selector. Nodes are cluster-scoped and always kept.
    package func restricted(toNamespace namespace: String?, excluding excluded: [String], selector: LabelSelectorExpression?) -> ClusterSnapshot {
        let excluded = Set(excluded)
        func inScope(_ meta: ObjectMeta) -> Bool {
            let objectNamespace = meta.namespace ?? ""
            if let namespace, objectNamespace != namespace { return false }
            return !excluded.contains(objectNamespace)
        }
        func selected(_ meta: ObjectMeta) -> Bool {
            inScope(meta) && (selector?.matches(meta.labels) ?? true)
        }
        var result = self
        result.pods = pods.filter { selected($0.metadata) }
        result.events = events.filter { inScope($0.metadata) }
        result.deployments = deployments.filter { selected($0.metadata) }
        result.replicaSets = replicaSets.filter { selected($0.metadata) }
        result.statefulSets = statefulSets.filter { selected($0.metadata) }
        result.daemonSets = daemonSets.filter { selected($0.metadata) }
        result.jobs = jobs.filter { selected($0.metadata) }
        result.services = services.filter { selected($0.metadata) }
        result.endpointSlices = endpointSlices.filter { inScope($0.metadata) }
        result.persistentVolumeClaims = persistentVolumeClaims.filter { selected($0.metadata) }
        result.horizontalPodAutoscalers = horizontalPodAutoscalers.filter { selected($0.metadata) }
        result.ingresses = ingresses.filter { selected($0.metadata) }
        result.podDisruptionBudgets = podDisruptionBudgets.filter { selected($0.metadata) }
        let podNames = Set(result.pods.map { "\($0.metadata.namespace ?? "")/\($0.metadata.name)" })
        result.logs = logs.filter { podNames.contains("\($0.key.namespace)/\($0.key.pod)") }
        return result
    }
}
