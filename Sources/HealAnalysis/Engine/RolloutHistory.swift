import HealModel

/// What the newest rollout of a Deployment changed, when that rollout is the likely culprit:
/// the failing pod belongs to the newest revision while the revision before it still serves.
struct RolloutChange: Sendable {
    var workload: ResourceRef
    var newRevision: Int
    var previousRevision: Int
    /// Readable differences, one per changed field: "container app: image nginx:1.27 → nginx:1.28".
    var changes: [String]
    /// Per container, variables the previous revision set and the new one does not.
    var removedVariables: [String: [String]]
}

enum RolloutHistory {
    static func change(introducing pod: Pod, workload: ResourceRef?, context: AnalysisContext) -> RolloutChange? {
        guard let workload, workload.kind == "Deployment", let namespace = pod.metadata.namespace,
            let ownerName = pod.metadata.controller?.name,
            let current = context.index.replicaSet(namespace: namespace, name: ownerName),
            let currentRevision = current.revision
        else { return nil }
        let revisions = DeploymentRevisions(of: workload, index: context.index)
        guard currentRevision == revisions.newest?.revision,
            let previous = revisions.servingBefore(currentRevision),
            let oldSpec = previous.spec.template?.spec, let newSpec = current.spec.template?.spec
        else { return nil }
        var removed: [String: [String]] = [:]
        let changes = differences(from: oldSpec, to: newSpec, removedVariables: &removed)
        return RolloutChange(
            workload: workload, newRevision: currentRevision, previousRevision: previous.revision ?? 0,
            changes: changes, removedVariables: removed)
    }

    /// "ConfigMap app-config", "Secret db".
    private static func envSource(_ source: EnvFromSource) -> String? {
        source.configMapRef?.name.map { "ConfigMap \($0)" } ?? source.secretRef?.name.map { "Secret \($0)" }
    }

    /// "tls (Secret api-tls)", "data (claim db-data)".
    private static func volumeText(_ volume: Volume) -> String {
        let source = volume.secret?.secretName.map { "Secret \($0)" } ?? volume.configMap?.name.map { "ConfigMap \($0)" }
            ?? volume.persistentVolumeClaim.map { "claim \($0.claimName)" } ?? (volume.projected == nil ? nil : "projected")
        return source.map { "\(volume.name) (\($0))" } ?? volume.name
    }

    /// Readable differences between two pod specs, container by container (env names only, never values).
    static func differences(from old: PodSpec, to new: PodSpec, removedVariables: inout [String: [String]]) -> [String] {
        var changes: [String] = []
        for container in new.containers {
            guard let before = old.containers.first(where: { $0.name == container.name }) else {
                changes.append("container \(container.name) added")
                continue
            }
            let prefix = "container \(container.name):"
            if before.image != container.image {
                changes.append("\(prefix) image \(before.image ?? "-") → \(container.image ?? "-")")
            }
            // That they changed, never what they hold: arguments carry passwords and tokens.
            for (field, old, new) in [("command", before.command, container.command), ("args", before.args, container.args)] where old != new {
                changes.append("\(prefix) \(field) changed (\(Wording.count(old.count, "item")) → \(Wording.count(new.count, "item")))")
            }
            let oldSources = Set(before.envFrom.compactMap(Self.envSource)), newSources = Set(container.envFrom.compactMap(Self.envSource))
            if oldSources != newSources {
                let added = newSources.subtracting(oldSources).sorted(), removed = oldSources.subtracting(newSources).sorted()
                changes.append("\(prefix) envFrom" + (added.isEmpty ? "" : " \(Wording.list(added)) added") + (removed.isEmpty ? "" : " \(Wording.list(removed)) removed"))
            }
            let oldNames = before.env.map(\.name)
            let newNames = container.env.map(\.name)
            let removed = oldNames.filter { !newNames.contains($0) }
            let added = newNames.filter { !oldNames.contains($0) }
            let changed = container.env.filter { variable in
                before.env.first { $0.name == variable.name }.map { !$0.hasSameValue(as: variable) } ?? false
            }.map(\.name)
            if !removed.isEmpty {
                removedVariables[container.name] = removed
                changes.append("\(prefix) env \(Wording.list(removed)) removed")
            }
            if !added.isEmpty { changes.append("\(prefix) env \(Wording.list(added)) added") }
            if !changed.isEmpty { changes.append("\(prefix) value of \(Wording.list(changed)) changed") }
            for (kind, oldValues, newValues) in [
                ("limits", before.resources?.limits ?? [:], container.resources?.limits ?? [:]),
                ("requests", before.resources?.requests ?? [:], container.resources?.requests ?? [:]),
            ] {
                for resource in Set(oldValues.keys).union(newValues.keys).sorted() where oldValues[resource]?.value != newValues[resource]?.value {
                    changes.append("\(prefix) \(kind).\(resource) \(oldValues[resource]?.text ?? "unset") → \(newValues[resource]?.text ?? "unset")")
                }
            }
            for (probe, oldProbe, newProbe) in [("readinessProbe", before.readinessProbe, container.readinessProbe), ("livenessProbe", before.livenessProbe, container.livenessProbe)]
            where oldProbe?.summary != newProbe?.summary {
                changes.append("\(prefix) \(probe) \(oldProbe?.summary ?? "none") → \(newProbe?.summary ?? "none")")
            }
        }
        for container in old.containers where !new.containers.contains(where: { $0.name == container.name }) {
            changes.append("container \(container.name) removed")
        }
        let oldVolumes = Set(old.volumes.map(Self.volumeText)), newVolumes = Set(new.volumes.map(Self.volumeText))
        if oldVolumes != newVolumes {
            let added = newVolumes.subtracting(oldVolumes).sorted(), removed = oldVolumes.subtracting(newVolumes).sorted()
            changes.append("volume" + (added.isEmpty ? "" : " \(Wording.list(added)) added") + (removed.isEmpty ? "" : "\(added.isEmpty ? "" : ",") \(Wording.list(removed)) removed"))
        }
        return changes
    }
}
