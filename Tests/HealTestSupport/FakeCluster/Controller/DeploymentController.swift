/// The deployment and replicaset controllers, collapsed: one ReplicaSet per pod template, the
/// current one scaled to `spec.replicas` and the others to 0 at once (an instant rollout), pods
/// created or removed (newest first) to match, and both statuses counted from the pods.
enum DeploymentController {
    static let hashLabel = "pod-template-hash"

    /// Brings ReplicaSets and pods in line with every Deployment's spec.
    static func reconcileSpecs(_ state: inout ClusterState, now: ContinuousClock.Instant) {
        for (_, deployment) in state.store.list(.deployments, namespace: nil) {
            let current = currentReplicaSet(of: deployment, in: &state)
            for (key, replicaSet) in ownedReplicaSets(of: deployment, in: state) {
                let desired = key.name == current.name ? deployment.value(at: ["spec", "replicas"])?.intValue ?? 1 : 0
                state.write(scaled(replicaSet, to: desired, deployment: deployment), at: key)
            }
            var annotations = deployment.labels(at: ["metadata", "annotations"])
            annotations["deployment.kubernetes.io/revision"] =
                current.labels(at: ["metadata", "annotations"])["deployment.kubernetes.io/revision"]
            state.write(
                deployment.setting(path: ["metadata", "annotations"], to: .stringMap(annotations)),
                at: key(deployment, .deployments))
        }
        for (key, replicaSet) in state.store.list(.replicaSets, namespace: nil) {
            syncPods(of: replicaSet, key: key, in: &state, now: now)
        }
    }

    /// Counts pods into ReplicaSet and Deployment statuses.
    static func reconcileStatuses(_ state: inout ClusterState) {
        for (key, replicaSet) in state.store.list(.replicaSets, namespace: nil) {
            let pods = ownedPods(of: replicaSet, in: state)
            let ready = pods.filter(isReady).count
            state.write(replicaSet.setting("status", to: .object(nonZero([
                ("replicas", pods.count, true), ("fullyLabeledReplicas", pods.count, false),
                ("readyReplicas", ready, false), ("availableReplicas", ready, false),
                ("terminatingReplicas", 0, true),
            ]) + [.init(key: "observedGeneration", value: replicaSet.value(at: ["metadata", "generation"]) ?? 1)])),
            at: key)
        }
        for (key, deployment) in state.store.list(.deployments, namespace: nil) {
            state.write(deployment.setting("status", to: deploymentStatus(deployment, in: state)), at: key)
        }
    }

    // MARK: ReplicaSets

    private static func currentReplicaSet(of deployment: JSONValue, in state: inout ClusterState) -> JSONValue {
        let template = deployment.value(at: ["spec", "template"]) ?? .object([])
        let owned = ownedReplicaSets(of: deployment, in: state).map(\.object)
        if let match = owned.first(where: { templateWithoutHash($0).sameContent(as: template) }) { return match }
        var hash = StableHash.podTemplateHash(template.serializedText)
        while state.store[key(deployment, .replicaSets, name: "\(deployment.name)-\(hash)")] != nil {
            hash = StableHash.podTemplateHash(template.serializedText + hash)
        }
        let revision = owned.compactMap {
            $0.value(at: ["metadata", "annotations", "deployment.kubernetes.io/revision"])?.stringValue.flatMap { Int($0) }
        }.max() ?? 0
        let labels = template.labels(at: ["metadata", "labels"]).merging([hashLabel: hash]) { $1 }
        let selector = deployment.labels(at: ["spec", "selector", "matchLabels"]).merging([hashLabel: hash]) { $1 }
        let replicaSet: JSONValue = [
            "kind": "ReplicaSet", "apiVersion": "apps/v1",
            "metadata": [
                "name": .string("\(deployment.name)-\(hash)"), "namespace": .string(deployment.namespace ?? "default"),
                "labels": .stringMap(labels),
                "annotations": .stringMap(["deployment.kubernetes.io/revision": String(revision + 1)]),
                "ownerReferences": [[
                    "apiVersion": "apps/v1", "kind": "Deployment", "name": .string(deployment.name),
                    "uid": .string(deployment.uid), "controller": true, "blockOwnerDeletion": true,
                ]],
            ],
            "spec": [
                "replicas": 0, "selector": ["matchLabels": .stringMap(selector)],
                "template": template.setting(path: ["metadata", "labels"], to: .stringMap(labels)),
            ],
            "status": ["replicas": 0],
        ]
        return state.write(replicaSet, at: key(replicaSet, .replicaSets))
    }

    private static func scaled(_ replicaSet: JSONValue, to replicas: Int, deployment: JSONValue) -> JSONValue {
        let annotations = replicaSet.labels(at: ["metadata", "annotations"]).merging([
            "deployment.kubernetes.io/desired-replicas": String(replicas),
            "deployment.kubernetes.io/max-replicas": String(replicas + maxSurge(deployment, replicas: replicas)),
        ]) { $1 }
        return replicaSet.setting(path: ["spec", "replicas"], to: .int(replicas))
            .setting(path: ["metadata", "annotations"], to: .stringMap(annotations))
    }

    /// `spec.strategy.rollingUpdate.maxSurge` (a count or a percentage rounded up) of `replicas`.
    private static func maxSurge(_ deployment: JSONValue, replicas: Int) -> Int {
        switch deployment.value(at: ["spec", "strategy", "rollingUpdate", "maxSurge"]) {
        case .number(let literal)?: return Int(literal) ?? 0
        case .string(let text)? where text.hasSuffix("%"):
            return ((Int(text.dropLast()) ?? 25) * replicas + 99) / 100
        default: return 0
        }
    }

    private static func templateWithoutHash(_ replicaSet: JSONValue) -> JSONValue {
        let template = replicaSet.value(at: ["spec", "template"]) ?? .object([])
        let labels = template.labels(at: ["metadata", "labels"]).filter { $0.key != hashLabel }
        return template.setting(path: ["metadata", "labels"], to: .stringMap(labels))
    }

    // MARK: Pods

    /// Creates pods up to `spec.replicas` (deterministic names) or deletes the newest above it.
    private static func syncPods(
        of replicaSet: JSONValue, key: ObjectKey, in state: inout ClusterState, now: ContinuousClock.Instant
    ) {
        let desired = replicaSet.value(at: ["spec", "replicas"])?.intValue ?? 0
        // Oldest first; seeded pods, whose start the fake never saw, count as oldest.
        let pods = ownedPods(of: replicaSet, in: state).sorted { left, right in
            switch (state.podStarts[left.uid], state.podStarts[right.uid]) {
            case (let start?, let other?) where start != other: start < other
            case (nil, _?): true
            case (_?, nil): false
            default: left.name < right.name
            }
        }
        for pod in pods.dropFirst(desired).reversed() {
            state.store.delete(self.key(pod, .pods))
            state.podStarts[pod.uid] = nil
        }
        var attempt = 0
        for _ in pods.count..<max(desired, pods.count) {
            var name: String
            repeat {
                name = "\(replicaSet.name)-\(StableHash.suffix("\(replicaSet.uid)#\(attempt)"))"
                attempt += 1
            } while state.store[ObjectKey(type: .pods, namespace: key.namespace, name: name)] != nil
            let pod = state.write(PodFactory.pod(named: name, of: replicaSet), at: ObjectKey(type: .pods, namespace: key.namespace, name: name))
            state.podStarts[pod.uid] = now
        }
    }

    private static func deploymentStatus(_ deployment: JSONValue, in state: ClusterState) -> JSONValue {
        let replicaSets = ownedReplicaSets(of: deployment, in: state).map(\.object)
        let current = replicaSets.first { templateWithoutHash($0).sameContent(as: deployment.value(at: ["spec", "template"]) ?? .object([])) }
        let pods = replicaSets.flatMap { ownedPods(of: $0, in: state) }
        let updated = current.map { ownedPods(of: $0, in: state).count } ?? 0
        let available = pods.filter(isReady).count
        let desired = deployment.value(at: ["spec", "replicas"])?.intValue ?? 1
        let complete = updated == desired && available == desired && pods.count == desired
        let currentName = current?.name ?? ""
        var conditions = deployment.value(at: ["status", "conditions"])?.arrayValue ?? []
        set(&conditions, type: "Available", available >= desired ? "True" : "False",
            available >= desired
                ? ("MinimumReplicasAvailable", "Deployment has minimum availability.")
                : ("MinimumReplicasUnavailable", "Deployment does not have minimum availability."))
        set(&conditions, type: "Progressing", "True",
            complete
                ? ("NewReplicaSetAvailable", "ReplicaSet \"\(currentName)\" has successfully progressed.")
                : ("ReplicaSetUpdated", "ReplicaSet \"\(currentName)\" is progressing."))
        let counts = nonZero([
            ("replicas", pods.count, false), ("updatedReplicas", updated, false),
            ("readyReplicas", available, false), ("availableReplicas", available, false),
            ("unavailableReplicas", max(0, desired - available), false), ("terminatingReplicas", 0, true),
        ])
        return .object(
            [.init(key: "observedGeneration", value: deployment.value(at: ["metadata", "generation"]) ?? 1)]
                + counts + [.init(key: "conditions", value: .array(conditions))])
    }

    /// Like the controller's `SetDeploymentCondition`: an unchanged condition stays as it is, a
    /// new reason updates it in place, a new status moves it to the end with fresh times.
    private static func set(
        _ conditions: inout [JSONValue], type: String, _ status: String, _ reason: (String, String)
    ) {
        let now = JSONValue.string(ClusterState.timestamp())
        let index = conditions.firstIndex { $0["type"]?.stringValue == type }
        let old = index.map { conditions[$0] }
        if let old, old["status"]?.stringValue == status, old["reason"]?.stringValue == reason.0,
            old["message"]?.stringValue == reason.1
        {
            return
        }
        let condition: JSONValue = [
            "type": .string(type), "status": .string(status), "lastUpdateTime": now,
            "lastTransitionTime": old?["status"]?.stringValue == status ? old?["lastTransitionTime"] ?? now : now,
            "reason": .string(reason.0), "message": .string(reason.1),
        ]
        if let index, old?["status"]?.stringValue == status {
            conditions[index] = condition
        } else {
            if let index { conditions.remove(at: index) }
            conditions.append(condition)
        }
    }

    // MARK: Helpers

    /// Status counters as Go's `omitempty` writes them: zeros left out unless `always`.
    private static func nonZero(_ counts: [(String, Int, always: Bool)]) -> [JSONValue.Member] {
        counts.filter { $0.1 != 0 || $0.always }.map { .init(key: $0.0, value: .int($0.1)) }
    }

    static func isReady(_ pod: JSONValue) -> Bool {
        (pod.value(at: ["status", "conditions"])?.arrayValue ?? []).contains {
            $0["type"]?.stringValue == "Ready" && $0["status"]?.stringValue == "True"
        }
    }

    /// The owner that controls `object` (its `controller: true` reference), by kind.
    static func controllerName(of object: JSONValue, kind: String) -> String? {
        (object.value(at: ["metadata", "ownerReferences"])?.arrayValue ?? []).first {
            $0["kind"]?.stringValue == kind && $0["controller"]?.boolValue == true
        }?["name"]?.stringValue
    }

    private static func ownedReplicaSets(of deployment: JSONValue, in state: ClusterState) -> [(key: ObjectKey, object: JSONValue)] {
        state.store.list(.replicaSets, namespace: deployment.namespace).filter {
            controllerUID(of: $0.object) == deployment.uid
        }
    }

    static func ownedPods(of replicaSet: JSONValue, in state: ClusterState) -> [JSONValue] {
        state.store.list(.pods, namespace: replicaSet.namespace).map(\.object).filter {
            controllerUID(of: $0) == replicaSet.uid
        }
    }

    private static func controllerUID(of object: JSONValue) -> String? {
        (object.value(at: ["metadata", "ownerReferences"])?.arrayValue ?? []).first {
            $0["controller"]?.boolValue == true
        }?["uid"]?.stringValue
    }

    static func key(_ object: JSONValue, _ type: ResourceType, name: String? = nil) -> ObjectKey {
        ObjectKey(type: type, namespace: object.namespace, name: name ?? object.name)
    }
}
