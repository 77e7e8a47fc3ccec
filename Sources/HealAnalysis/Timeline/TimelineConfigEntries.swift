import HealModel

/// The ConfigMaps and Secrets the workload's pods read (env, envFrom, volumes), when they last
/// changed after their creation: managedFields is the only record of it. Only names and times:
/// both are read as metadata.
enum TimelineConfigEntries {
    /// What a pod spec reads, by kind ("ConfigMap", "Secret") and name.
    static func references(_ spec: PodSpec) -> Set<Reference> {
        var references = Set<Reference>()
        for container in spec.containers + spec.initContainers {
            for source in container.envFrom {
                if let name = source.configMapRef?.name { references.insert(Reference(kind: "ConfigMap", name: name)) }
                if let name = source.secretRef?.name { references.insert(Reference(kind: "Secret", name: name)) }
            }
            for variable in container.env {
                if let name = variable.valueFrom?.configMapKeyRef?.name { references.insert(Reference(kind: "ConfigMap", name: name)) }
                if let name = variable.valueFrom?.secretKeyRef?.name { references.insert(Reference(kind: "Secret", name: name)) }
            }
        }
        for volume in spec.volumes {
            if let name = volume.configMap?.name { references.insert(Reference(kind: "ConfigMap", name: name)) }
            if let name = volume.secret?.secretName { references.insert(Reference(kind: "Secret", name: name)) }
            for source in volume.projected?.sources ?? [] {
                if let name = source.configMap?.name { references.insert(Reference(kind: "ConfigMap", name: name)) }
                if let name = source.secret?.name { references.insert(Reference(kind: "Secret", name: name)) }
            }
        }
        return references
    }

    struct Reference: Hashable {
        var kind: String
        var name: String
    }

    static func entries(_ specs: [(namespace: String?, spec: PodSpec)], lookup: TimelineIndex) -> [TimelineEntry] {
        var wanted = Set<ResourceRef>()
        for (namespace, spec) in specs {
            for reference in references(spec) { wanted.insert(ResourceRef(kind: reference.kind, namespace: namespace, name: reference.name)) }
        }
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
