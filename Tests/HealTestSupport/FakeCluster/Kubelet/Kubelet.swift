/// The node's kubelet: keeps the status of every pod it runs in line with what its containers
/// do, and reports it as Events. What a container does comes from its Deployment's
/// `PodBehaviour` when a test set one, else from the pod's own spec (`ContainerOutcome.derived`:
/// the image registry, Secrets and ConfigMaps, the Deployment's `WorkloadNeeds`). Crash loops
/// and failed pulls move on with the cluster's clock as the real back-off does.
///
/// It runs the pods the fake created, `Timing.podStartDelay` after their creation (Pending and
/// scheduled until then); seeded pods keep their captured status until a test sets a behaviour
/// or needs for their Deployment, or the cluster adopts them (`agenticDemo`). It leaves
/// terminating pods alone, and removes them once their grace is over.
enum Kubelet {
    static func reconcile(_ state: inout ClusterState) {
        PodTermination.finishDue(in: &state)
        let now = state.now
        let timestamp = state.timestampNow
        var addresses = PodAddresses(pods: state.store.list(.pods, namespace: nil).map(\.object))
        let configuration = configurationStamp(state)
        for (key, pod) in state.store.list(.pods, namespace: nil) {
            let sync = KubeletSync(
                resourceVersion: pod.value(at: ["metadata", "resourceVersion"])?.stringValue ?? "",
                epoch: state.kubeletEpoch, configuration: configuration)
            // Nothing the status depends on changed and no back-off ran out: skip the rebuild,
            // which is most of the work of a write in a cluster of 1,000 pods.
            if state.kubeletSynced[pod.uid] == sync, state.wakeUps[pod.uid].map({ $0 > now }) ?? true { continue }
            if PodTermination.isTerminating(pod) { continue }
            if state.starting.contains(pod.uid), let start = state.podStarts[pod.uid] {
                guard now >= start + state.timing.podStartDelay else {
                    schedule(pod, at: key, startingAt: start + state.timing.podStartDelay, sync: sync, in: &state)
                    continue
                }
                state.starting.remove(pod.uid)
            }
            guard let outcomes = outcomes(of: pod, in: state) else {
                state.wakeUps[pod.uid] = nil
                continue
            }
            let containers = pod.value(at: ["spec", "containers"])?.arrayValue ?? []
            let previous = pod.value(at: ["status", "containerStatuses"])?.arrayValue ?? []
            var clocks = state.kubeletClocks[pod.uid] ?? KubeletClocks()
            var wakeUp = readyAfterWakeUp(pod, in: state, now: now)
            var states: [PodStatusFactory.ContainerState] = []
            for (container, outcome) in zip(containers, outcomes) {
                let name = container["name"]?.stringValue ?? ""
                let old = previous.first { $0["name"]?.stringValue == name }
                let (containerState, next) = advance(container, outcome, previous: old, clocks: &clocks, now: now)
                states.append(containerState)
                if let next { wakeUp = min(wakeUp ?? next, next) }
            }
            state.kubeletClocks[pod.uid] = clocks
            state.wakeUps[pod.uid] = wakeUp
            let podIP = pod.value(at: ["status", "podIP"])?.stringValue ?? addresses.next()
            let status = PodStatusFactory.status(of: pod, states: states, podIP: podIP, now: timestamp)
            let stored = state.write(pod.setting("status", to: status), at: key)
            KubeletEvents.report(for: stored, containers: containers, states: states,
                                 fresh: state.podStarts[pod.uid] != nil, in: &state)
            state.kubeletSynced[pod.uid] = KubeletSync(
                resourceVersion: stored.value(at: ["metadata", "resourceVersion"])?.stringValue ?? "",
                epoch: state.kubeletEpoch, configuration: configuration)
        }
    }

    /// A pod bound to the node whose containers have not started yet: Pending with only
    /// `PodScheduled`, until `start`.
    private static func schedule(
        _ pod: JSONValue, at key: ObjectKey, startingAt start: ContinuousClock.Instant, sync: KubeletSync,
        in state: inout ClusterState
    ) {
        let stored = state.write(pod.setting("status", to: PodStatusFactory.scheduled(pod, now: state.timestampNow)), at: key)
        state.wakeUps[pod.uid] = start
        state.kubeletSynced[pod.uid] = KubeletSync(
            resourceVersion: stored.value(at: ["metadata", "resourceVersion"])?.stringValue ?? "",
            epoch: sync.epoch, configuration: sync.configuration)
    }

    /// Makes the next reconcile derive the pods of `namespace/deployment` again (what they
    /// need or do changed) without touching the others.
    static func resync(deployment: String, in state: inout ClusterState) {
        for (_, pod) in state.store.list(.pods, namespace: nil) where self.deployment(of: pod, in: state) == deployment {
            state.kubeletSynced[pod.uid] = nil
        }
    }

    /// The resourceVersions of every Secret and ConfigMap: environments resolve against them.
    private static func configurationStamp(_ state: ClusterState) -> String {
        ["secrets", "configmaps"].flatMap { state.store.list(ResourceType(group: "", resource: $0), namespace: nil) }
            .map { $0.object.value(at: ["metadata", "resourceVersion"])?.stringValue ?? "" }.joined(separator: ",")
    }

    /// Whether some pod's status is due to change by the clock alone.
    static func hasDueWakeUp(in state: ClusterState) -> Bool {
        let now = state.now
        return state.wakeUps.values.contains { $0 <= now }
    }

    /// What each container of `pod` does (in spec order); nil for a pod this kubelet does not run.
    static func outcomes(of pod: JSONValue, in state: ClusterState) -> [ContainerOutcome]? {
        let owner = deployment(of: pod, in: state)
        let behaviour = owner.flatMap { state.behaviours[$0] }
        let needs = owner.flatMap { state.needs[$0] }
        guard state.podStarts[pod.uid] != nil || behaviour != nil || needs != nil || state.adoptsSeededPods else {
            return nil
        }
        let containers = pod.value(at: ["spec", "containers"])?.arrayValue ?? []
        return containers.map { container in
            switch behaviour {
            case nil:
                .derived(from: container, namespace: pod.namespace ?? "default", needs: needs ?? WorkloadNeeds(), state: state)
            case .healthy?: .runs(ready: true)
            case .readyAfter(let delay)?:
                .runs(ready: state.podStarts[pod.uid].map { state.now >= $0 + delay } ?? true)
            case .notReady?: .runs(ready: false)
            case .crashLoop(let exitCode, let log)?: .exits(code: exitCode, reason: "Error", log: log)
            case .imagePullBackOff?: .pullFails(.tagNotFound, backingOff: true)
            case .oomKilled(let needsMemory)?: ContainerOutcome.memory(of: container, needs: needsMemory) ?? .runs(ready: true)
            }
        }
    }

    /// `namespace/deployment` of the Deployment that owns `pod` through its ReplicaSet.
    static func deployment(of pod: JSONValue, in state: ClusterState) -> String? {
        guard let namespace = pod.namespace,
            let replicaSetName = DeploymentController.controllerName(of: pod, kind: "ReplicaSet"),
            let replicaSet = state.store[ObjectKey(type: .replicaSets, namespace: namespace, name: replicaSetName)],
            let deployment = DeploymentController.controllerName(of: replicaSet, kind: "Deployment")
        else { return nil }
        return "\(namespace)/\(deployment)"
    }

    static func behaviour(of pod: JSONValue, in state: ClusterState) -> FakeCluster.PodBehaviour? {
        deployment(of: pod, in: state).flatMap { state.behaviours[$0] }
    }

    /// The container's state now, and when it changes next by the clock alone.
    private static func advance(
        _ container: JSONValue, _ outcome: ContainerOutcome, previous: JSONValue?, clocks: inout KubeletClocks,
        now: ContinuousClock.Instant
    ) -> (PodStatusFactory.ContainerState, ContinuousClock.Instant?) {
        let name = container["name"]?.stringValue ?? ""
        if case .exits = outcome {} else { clocks.crashLoops[name] = nil }
        if case .pullFails = outcome {} else { clocks.failedPulls[name] = nil }
        let previousCount = previous?["restartCount"]?.intValue ?? 0
        switch outcome {
        case .runs(let ready):
            return (.running(ready: ready), nil)
        case .configError(let message):
            return (.configError(message: message), nil)
        case .pullFails(let failure, let backingOff):
            let wasBackingOff = previous.map { $0.value(at: ["state", "waiting", "reason"])?.stringValue == "ImagePullBackOff" } ?? false
            let since = clocks.failedPulls[name] ?? (backingOff || wasBackingOff ? now - BackOff.initial : now)
            clocks.failedPulls[name] = since
            let backOffStarts = since + BackOff.initial
            let error = ImageRegistry.message(failure, image: container["image"]?.stringValue ?? "")
            return (.pullFailed(error: error, backingOff: now >= backOffStarts), now >= backOffStarts ? nil : backOffStarts)
        case .exits(let code, let reason, _):
            // A crash loop seen for the first time: a captured one keeps its count, a container
            // that ran (or a new one) has just crashed once more.
            let wasCrashing = previous?.value(at: ["state", "waiting", "reason"])?.stringValue == "CrashLoopBackOff"
            let clock = clocks.crashLoops[name]
                ?? KubeletClocks.CrashLoop(since: now, restartCount: wasCrashing ? max(1, previousCount) : previousCount + 1)
            clocks.crashLoops[name] = clock
            let (count, next) = BackOff.restarts(from: clock.restartCount, since: clock.since, now: now)
            return (.crashLoop(exitCode: code, reason: reason, restartCount: count), next)
        }
    }

    private static func readyAfterWakeUp(
        _ pod: JSONValue, in state: ClusterState, now: ContinuousClock.Instant
    ) -> ContinuousClock.Instant? {
        guard case .readyAfter(let delay)? = behaviour(of: pod, in: state), let start = state.podStarts[pod.uid],
            now < start + delay
        else { return nil }
        return start + delay
    }
}
