/// The deployment and replicaset controllers, collapsed: one ReplicaSet per pod template (an
/// old one is reused, with the next revision, when the template goes back to it — `kubectl
/// rollout undo`), rollouts stepped as `RolloutPlanner` says, pods created (under names never
/// used before) or removed (not-ready and newest first) to match, and both statuses counted
/// from the pods. Terminating pods (`PodTermination`) count for nothing: a replacement is
/// created while they go.
enum DeploymentController {
    static let hashLabel = "pod-template-hash"
    static let revisionAnnotation = "deployment.kubernetes.io/revision"
    static let revisionHistoryAnnotation = "deployment.kubernetes.io/revision-history"

    /// The deployment controller: brings every Deployment's ReplicaSets in line with its spec
    /// and stamps the current revision on it (its status waits for `reconcileStatuses`).
    static func reconcileDeployments(_ state: inout ClusterState) {
        // Each Deployment only changes its own ReplicaSets.
        let replicaSets = OwnerIndex(.replicaSets, in: state)
        for (_, deployment) in state.store.list(.deployments, namespace: nil) {
            let owned = replicaSets.owned(by: deployment)
            let current = currentReplicaSet(of: deployment, owned: owned.map(\.object), in: &state)
            scale(deployment, current: current, owned: owned, in: &state)
            var annotations = deployment.labels(at: ["metadata", "annotations"])
            annotations[revisionAnnotation] = current.labels(at: ["metadata", "annotations"])[revisionAnnotation]
            state.write(
                deployment.setting(path: ["metadata", "annotations"], to: .stringMap(annotations)),
                at: key(deployment, .deployments))
        }
    }

    /// The replicaset controller: creates or deletes pods to match every ReplicaSet's spec.
    static func reconcileReplicaSets(_ state: inout ClusterState) {
        let pods = OwnerIndex(.pods, in: state)
        for (key, replicaSet) in state.store.list(.replicaSets, namespace: nil) {
            syncPods(of: replicaSet, key: key, pods: pods.owned(by: replicaSet).map(\.object), in: &state)
        }
    }

    /// One rollout step for `deployment`, written to its ReplicaSets' `spec.replicas`.
    private static func scale(
        _ deployment: JSONValue, current: JSONValue, owned: [(key: ObjectKey, object: JSONValue)], in state: inout ClusterState
    ) {
        let counts = { (replicaSet: JSONValue) in
            RolloutPlanner.ReplicaSetCount(
                name: replicaSet.name, replicas: replicaSet.value(at: ["spec", "replicas"])?.intValue ?? 0,
                available: replicaSet.value(at: ["status", "availableReplicas"])?.intValue ?? 0)
        }
        let old = owned.filter { $0.object.name != current.name }.compactMap { entry in
            state.store[entry.key].map { (key: entry.key, object: $0) }
        }.sorted { left, right in
            (left.object.value(at: ["metadata", "creationTimestamp"])?.stringValue ?? "", left.object.name)
                < (right.object.value(at: ["metadata", "creationTimestamp"])?.stringValue ?? "", right.object.name)
        }
        let desired = deployment.value(at: ["spec", "replicas"])?.intValue ?? 1
        let step = RolloutPlanner.step(
            new: counts(current), old: old.map { counts($0.object) }, desired: desired,
            strategy: deployment.value(at: ["spec", "strategy"]))
        let targets = [(key(current, .replicaSets), current, step.new)] + zip(old, step.old).map { ($0.key, $0.object, $1) }
        for (key, replicaSet, replicas) in targets {
            let before = replicaSet.value(at: ["spec", "replicas"])?.intValue ?? 0
            state.write(scaled(replicaSet, to: replicas, deployment: deployment, desired: desired), at: key)
            guard replicas != before else { continue }
            ControllerEvents.record(
                "ScalingReplicaSet", "Scaled \(replicas > before ? "up" : "down") replica set \(replicaSet.name) from \(before) to \(replicas)",
                about: deployment, kind: "Deployment", apiVersion: "apps/v1", component: "deployment-controller", in: &state)
        }
    }
    /// Counts pods into ReplicaSet and Deployment statuses.
    static func reconcileStatuses(_ state: inout ClusterState) {
        let podIndex = OwnerIndex(.pods, in: state)
        for (key, replicaSet) in state.store.list(.replicaSets, namespace: nil) {
            let owned = podIndex.owned(by: replicaSet).map(\.object)
            let pods = owned.filter { !PodTermination.isTerminating($0) }
            let ready = pods.filter(isReady).count
            state.write(replicaSet.setting("status", to: .object(nonZero([
                ("replicas", pods.count, true), ("fullyLabeledReplicas", pods.count, false),
                ("readyReplicas", ready, false), ("availableReplicas", ready, false),
                ("terminatingReplicas", owned.count - pods.count, true),
            ]) + [.init(key: "observedGeneration", value: replicaSet.value(at: ["metadata", "generation"]) ?? 1)])),
            at: key)
        }
        let replicaSets = OwnerIndex(.replicaSets, in: state)
        for (key, deployment) in state.store.list(.deployments, namespace: nil) {
            let owned = replicaSets.owned(by: deployment).map(\.object)
            let status = deploymentStatus(deployment, replicaSets: owned, pods: podIndex, in: state)
            state.write(deployment.setting("status", to: status), at: key)
        }
    }

    // MARK: ReplicaSets

    private static func currentReplicaSet(
        of deployment: JSONValue, owned: [JSONValue], in state: inout ClusterState
    ) -> JSONValue {
        let template = deployment.value(at: ["spec", "template"]) ?? .object([])
        let revision = { (replicaSet: JSONValue) in
            replicaSet.labels(at: ["metadata", "annotations"])[revisionAnnotation].flatMap { Int($0) } ?? 0
        }
        if let match = owned.first(where: { runs(template, $0) }) {
            return reused(match, after: owned.filter { $0.name != match.name }.map(revision).max() ?? 0, in: &state)
        }
        var hash = StableHash.podTemplateHash(template.serializedText)
        while state.store[key(deployment, .replicaSets, name: "\(deployment.name)-\(hash)")] != nil {
            hash = StableHash.podTemplateHash(template.serializedText + hash)
        }
        let latest = owned.map(revision).max() ?? 0
        let labels = template.labels(at: ["metadata", "labels"]).merging([hashLabel: hash]) { $1 }
        let selector = deployment.labels(at: ["spec", "selector", "matchLabels"]).merging([hashLabel: hash]) { $1 }
        let replicaSet: JSONValue = [
            "kind": "ReplicaSet", "apiVersion": "apps/v1",
            "metadata": [
                "name": .string("\(deployment.name)-\(hash)"), "namespace": .string(deployment.namespace ?? "default"),
                "labels": .stringMap(labels),
                "annotations": .stringMap([revisionAnnotation: String(latest + 1)]),
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

    /// The old ReplicaSet whose template the Deployment's is again: like the real controller,
    /// it gets the revision after the newest of the others and remembers its old one in
    /// `revision-history` (the captured mysql-client-7c5999d768: revision 3, history "1").
    private static func reused(_ replicaSet: JSONValue, after newest: Int, in state: inout ClusterState) -> JSONValue {
        var annotations = replicaSet.labels(at: ["metadata", "annotations"])
        let own = annotations[revisionAnnotation].flatMap { Int($0) } ?? 0
        guard own <= newest else { return replicaSet }
        annotations[revisionAnnotation] = String(newest + 1)
        if own > 0 {
            annotations[revisionHistoryAnnotation] =
                ((annotations[revisionHistoryAnnotation].map { [$0] } ?? []) + [String(own)]).joined(separator: ",")
        }
        return state.write(
            replicaSet.setting(path: ["metadata", "annotations"], to: .stringMap(annotations)),
            at: key(replicaSet, .replicaSets))
    }

    /// `desired-replicas` and `max-replicas` are the Deployment's (replicas + maxSurge), as on
    /// every ReplicaSet the controller touches.
    private static func scaled(_ replicaSet: JSONValue, to replicas: Int, deployment: JSONValue, desired: Int) -> JSONValue {
        let surge = RolloutPlanner.limit(deployment.value(at: ["spec", "strategy", "rollingUpdate", "maxSurge"]), of: desired, roundUp: true)
        let annotations = replicaSet.labels(at: ["metadata", "annotations"]).merging([
            "deployment.kubernetes.io/desired-replicas": String(desired),
            "deployment.kubernetes.io/max-replicas": String(desired + surge),
        ]) { $1 }
        return replicaSet.setting(path: ["spec", "replicas"], to: .int(replicas))
            .setting(path: ["metadata", "annotations"], to: .stringMap(annotations))
    }

    /// Whether `replicaSet` runs `template`: equal but for the `pod-template-hash` label, with
    /// empty maps and lists counting as absent (the controller's `EqualIgnoreHash`).
    private static func runs(_ template: JSONValue, _ replicaSet: JSONValue) -> Bool {
        let own = replicaSet.value(at: ["spec", "template"]) ?? .object([])
        let labels = own.labels(at: ["metadata", "labels"]).filter { $0.key != hashLabel }
        return own.setting(path: ["metadata", "labels"], to: .stringMap(labels)).withoutEmptyMembers
            .sameContent(as: template.withoutEmptyMembers)
    }

    // MARK: Pods

    /// Creates pods up to `spec.replicas` (deterministic names, never reused: a deleted pod's
    /// replacement gets a new one) or deletes the pods above it, not-ready ones first, then the
    /// newest, as the replicaset controller ranks them.
    private static func syncPods(of replicaSet: JSONValue, key: ObjectKey, pods: [JSONValue], in state: inout ClusterState) {
        let desired = replicaSet.value(at: ["spec", "replicas"])?.intValue ?? 0
        // Seeded pods, whose start the fake never saw, count as oldest.
        let pods = pods.filter { !PodTermination.isTerminating($0) }.sorted { left, right in
            let (leftReady, rightReady) = (isReady(left), isReady(right))
            if leftReady != rightReady { return leftReady }
            switch (state.podStarts[left.uid], state.podStarts[right.uid]) {
            case (let start?, let other?) where start != other: return start < other
            case (nil, _?): return true
            case (_?, nil): return false
            default: return left.name < right.name
            }
        }
        for pod in pods.dropFirst(desired).reversed() {
            PodTermination.begin(pod, at: self.key(pod, .pods), in: &state)
        }
        for _ in pods.count..<max(desired, pods.count) {
            var name: String
            repeat {
                let attempt = state.createdPods[replicaSet.uid, default: 0]
                state.createdPods[replicaSet.uid] = attempt + 1
                name = "\(replicaSet.name)-\(StableHash.suffix("\(replicaSet.uid)#\(attempt)"))"
            } while state.store[ObjectKey(type: .pods, namespace: key.namespace, name: name)] != nil
            let pod = state.write(PodFactory.pod(named: name, of: replicaSet), at: ObjectKey(type: .pods, namespace: key.namespace, name: name))
            state.noteCreated(pod: pod.uid)
        }
    }

    private static func deploymentStatus(
        _ deployment: JSONValue, replicaSets: [JSONValue], pods podIndex: OwnerIndex, in state: ClusterState
    ) -> JSONValue {
        let current = replicaSets.first { runs(deployment.value(at: ["spec", "template"]) ?? .object([]), $0) }
        let active = { (replicaSet: JSONValue) in
            podIndex.owned(by: replicaSet).map(\.object).filter { !PodTermination.isTerminating($0) }
        }
        let owned = replicaSets.flatMap { podIndex.owned(by: $0) }.count
        let pods = replicaSets.flatMap(active)
        let updated = current.map { active($0).count } ?? 0
        let available = pods.filter(isReady).count
        let desired = deployment.value(at: ["spec", "replicas"])?.intValue ?? 1
        let total = replicaSets.reduce(0) { $0 + ($1.value(at: ["spec", "replicas"])?.intValue ?? 0) }
        let minAvailable = desired - RolloutPlanner.limit(
            deployment.value(at: ["spec", "strategy", "rollingUpdate", "maxUnavailable"]), of: desired, roundUp: false)
        let complete = updated == desired && available == desired && pods.count == desired
        let currentName = current?.name ?? ""
        var conditions = deployment.value(at: ["status", "conditions"])?.arrayValue ?? []
        set(&conditions, type: "Available", available >= minAvailable ? "True" : "False",
            available >= minAvailable
                ? ("MinimumReplicasAvailable", "Deployment has minimum availability.")
                : ("MinimumReplicasUnavailable", "Deployment does not have minimum availability."))
        set(&conditions, type: "Progressing", "True",
            complete
                ? ("NewReplicaSetAvailable", "ReplicaSet \"\(currentName)\" has successfully progressed.")
                : ("ReplicaSetUpdated", "ReplicaSet \"\(currentName)\" is progressing."))
        let counts = nonZero([
            ("replicas", pods.count, false), ("updatedReplicas", updated, false),
            ("readyReplicas", available, false), ("availableReplicas", available, false),
            ("unavailableReplicas", max(0, total - available), false), ("terminatingReplicas", owned - pods.count, true),
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

    static func key(_ object: JSONValue, _ type: ResourceType, name: String? = nil) -> ObjectKey {
        ObjectKey(type: type, namespace: object.namespace, name: name ?? object.name)
    }
}
