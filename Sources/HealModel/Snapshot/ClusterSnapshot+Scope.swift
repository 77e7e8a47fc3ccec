extension ClusterSnapshot {
    /// The part of a snapshot a live run with the same flags would have read: one namespace
    /// (or all), minus excluded namespaces. Cluster-scoped objects (nodes) are always kept.
    package func restricted(toNamespace namespace: String?, excluding excluded: [String]) -> ClusterSnapshot {
        let excluded = Set(excluded)
        var result = filtered { kind, meta in !kind.isNamespaced || meta.isIn(namespace: namespace, excluding: excluded) }
        result.namespaceScope = namespace ?? namespaceScope
        result.excludedNamespaces = excludedNamespaces.union(excluded)
        let podNames = Set(result.pods.map { "\($0.metadata.namespace ?? "")/\($0.metadata.name)" })
        result.logs = logs.filter { podNames.contains("\($0.key.namespace)/\($0.key.pod)") }
        return result
    }
}

extension ClusterSnapshot {
    /// Whether the snapshot holds every object of `namespace` it was asked to read.
    package func covers(namespace: String) -> Bool {
        (namespaceScope.map { $0 == namespace } ?? true) && !excludedNamespaces.contains(namespace)
            && (knownNamespaces?.contains(namespace) ?? true)
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
