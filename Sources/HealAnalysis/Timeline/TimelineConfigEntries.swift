import HealModel

/// The ConfigMaps and Secrets the workload's pods read (env, envFrom, volumes), when they last
/// changed after their creation: managedFields is the only record of it. Only names and times:
/// both are read as metadata.
enum TimelineConfigEntries {
    /// The ConfigMaps and Secrets a pod spec in `namespace` reads.
    static func references(_ spec: PodSpec, namespace: String?) -> Set<ResourceRef> {
        var references = Set<ResourceRef>()
        func insert(_ kind: String, _ name: String) { references.insert(ResourceRef(kind: kind, namespace: namespace, name: name)) }
        for container in spec.containers + spec.initContainers {
            for source in container.envFrom {
                if let name = source.configMapRef?.name { insert("ConfigMap", name) }
                if let name = source.secretRef?.name { insert("Secret", name) }
            }
            for variable in container.env {
                if let name = variable.valueFrom?.configMapKeyRef?.name { insert("ConfigMap", name) }
                if let name = variable.valueFrom?.secretKeyRef?.name { insert("Secret", name) }
            }
        }
        for volume in spec.volumes {
            if let name = volume.configMap?.name { insert("ConfigMap", name) }
            if let name = volume.secret?.secretName { insert("Secret", name) }
            for source in volume.projected?.sources ?? [] {
                if let name = source.configMap?.name { insert("ConfigMap", name) }
                if let name = source.secret?.name { insert("Secret", name) }
            }
        }
        return references
    }

    static func entries(_ specs: [(namespace: String?, spec: PodSpec)], lookup: TimelineIndex) -> [TimelineEntry] {
        let wanted = specs.reduce(into: Set<ResourceRef>()) { $0.formUnion(references($1.spec, namespace: $1.namespace)) }
        return wanted.sorted().compactMap { ref -> TimelineEntry? in
            guard let (metadata, writes) = lookup.configObjects[ref],
                  let change = ManagedWrite.lastChange(writes, created: metadata.creationTimestamp), let time = change.time
            else { return nil }
            let by = [change.manager, change.operation].compactMap { $0 }.joined(separator: ", ")
            return TimelineEntry(
                time: time, kind: .config, object: ref, title: "\(ref.kind) \(ref.name) changed",
                sentence: "\(ref.kind) \(ref.name), which the pods read, changed\(by.isEmpty ? "" : " (\(by))"); running pods see it only when restarted, unless they mount it as a volume.",
                evidence: ["metadata.managedFields: last write \(time)\(by.isEmpty ? "" : " by \(by)")"], isChange: true)
        }
    }
}
