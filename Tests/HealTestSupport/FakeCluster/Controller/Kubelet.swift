/// The node's kubelet: keeps the status of every pod it runs in line with its Deployment's
/// `PodBehaviour`, and reports trouble as Events. It runs the pods the fake created, and seeded
/// pods once a test sets a behaviour for their Deployment (until then they keep their captured
/// status).
enum Kubelet {
    static func reconcile(_ state: inout ClusterState, now: ContinuousClock.Instant) {
        for (key, pod) in state.store.list(.pods, namespace: nil) {
            let behaviour = behaviour(of: pod, in: state)
            guard state.podStarts[pod.uid] != nil || behaviour != nil else { continue }
            let containerState = containerState(pod, behaviour ?? .healthy, start: state.podStarts[pod.uid], now: now)
            let podIP = pod.value(at: ["status", "podIP"])?.stringValue ?? nextPodIP(in: state)
            let status = PodStatusFactory.status(
                of: pod, state: containerState, podIP: podIP, now: ClusterState.timestamp())
            let stored = state.write(pod.setting("status", to: status), at: key)
            for event in events(for: stored, state: containerState, behaviour: behaviour ?? .healthy) {
                report(event, about: stored, in: &state)
            }
        }
    }

    /// Whether a `readyAfter` pod's delay has run out but its status does not say Ready yet.
    static func hasOverdueReadiness(in state: ClusterState, now: ContinuousClock.Instant) -> Bool {
        state.store.list(.pods, namespace: nil).contains { _, pod in
            guard case .readyAfter(let delay)? = behaviour(of: pod, in: state), let start = state.podStarts[pod.uid]
            else { return false }
            return now >= start + delay && !DeploymentController.isReady(pod)
        }
    }

    /// The behaviour set for the Deployment that owns `pod` through its ReplicaSet.
    static func behaviour(of pod: JSONValue, in state: ClusterState) -> FakeCluster.PodBehaviour? {
        guard let namespace = pod.namespace,
            let replicaSetName = DeploymentController.controllerName(of: pod, kind: "ReplicaSet"),
            let replicaSet = state.store[ObjectKey(type: .replicaSets, namespace: namespace, name: replicaSetName)],
            let deployment = DeploymentController.controllerName(of: replicaSet, kind: "Deployment")
        else { return nil }
        return state.behaviours["\(namespace)/\(deployment)"]
    }

    private static func containerState(
        _ pod: JSONValue, _ behaviour: FakeCluster.PodBehaviour, start: ContinuousClock.Instant?,
        now: ContinuousClock.Instant
    ) -> PodStatusFactory.ContainerState {
        switch behaviour {
        case .healthy: .running(ready: true)
        case .readyAfter(let delay): .running(ready: start.map { now >= $0 + delay } ?? true)
        case .notReady: .running(ready: false)
        case .crashLoop(let exitCode, _): .crashLoop(exitCode: exitCode, reason: "Error")
        case .imagePullBackOff: .imagePullBackOff
        case .oomKilled(let needsMemory):
            hasMemory(pod, atLeast: needsMemory) ? .running(ready: true) : .crashLoop(exitCode: 137, reason: "OOMKilled")
        }
    }

    /// Whether every container's memory limit (when set) covers `needed`.
    private static func hasMemory(_ pod: JSONValue, atLeast needed: String) -> Bool {
        let containers = pod.value(at: ["spec", "containers"])?.arrayValue ?? []
        return containers.allSatisfy { container in
            guard let limit = container.value(at: ["resources", "limits", "memory"])?.stringValue else { return true }
            return (bytes(limit) ?? 0) >= (bytes(needed) ?? .max)
        }
    }

    /// A memory quantity (`128Mi`, `1G`, `300000000`) in bytes.
    static func bytes(_ quantity: String) -> Int? {
        let units: [(String, Int)] = [
            ("Ki", 1 << 10), ("Mi", 1 << 20), ("Gi", 1 << 30), ("Ti", 1 << 40),
            ("k", 1000), ("M", 1_000_000), ("G", 1_000_000_000), ("T", 1_000_000_000_000),
        ]
        for (suffix, factor) in units where quantity.hasSuffix(suffix) {
            return Int(quantity.dropLast(suffix.count)).map { $0 * factor }
        }
        return Int(quantity)
    }

    /// The first free address in 10.244.0.0/16 (skipping .0 and .1 of each /24).
    private static func nextPodIP(in state: ClusterState) -> String {
        let used = Set(state.store.list(.pods, namespace: nil).compactMap { $0.object.value(at: ["status", "podIP"])?.stringValue })
        var index = 2
        while true {
            let address = "10.244.\(index / 256).\(index % 256)"
            if index % 256 > 1, !used.contains(address) { return address }
            index += 1
        }
    }

    private struct Event {
        let type: String
        let reason: String
        let message: String
        let container: String
    }

    /// The kubelet's wording for each kind of trouble (compare the captured agentic-demo events).
    private static func events(
        for pod: JSONValue, state: PodStatusFactory.ContainerState, behaviour: FakeCluster.PodBehaviour
    ) -> [Event] {
        let containers = (pod.value(at: ["spec", "containers"])?.arrayValue ?? [])
        return containers.flatMap { container -> [Event] in
            let name = container["name"]?.stringValue ?? ""
            let image = container["image"]?.stringValue ?? ""
            switch (state, behaviour) {
            case (.running(ready: false), .notReady(let message)):
                return [Event(type: "Warning", reason: "Unhealthy", message: message, container: name)]
            case (.crashLoop, _):
                let podRef = "\(pod.name)_\(pod.namespace ?? "")(\(pod.uid))"
                return [Event(
                    type: "Warning", reason: "BackOff",
                    message: "Back-off restarting failed container \(name) in pod \(podRef)", container: name)]
            case (.imagePullBackOff, _):
                return [
                    Event(type: "Warning", reason: "Failed",
                          message: "Failed to pull image \"\(image)\": \(PodStatusFactory.pullError(image))", container: name),
                    Event(type: "Warning", reason: "Failed", message: "Error: ErrImagePull", container: name),
                    Event(type: "Normal", reason: "BackOff", message: "Back-off pulling image \"\(image)\"", container: name),
                    Event(type: "Warning", reason: "Failed", message: "Error: ImagePullBackOff", container: name),
                ]
            default:
                return []
            }
        }
    }

    private static func report(_ event: Event, about pod: JSONValue, in state: inout ClusterState) {
        let identity = "\(pod.uid)|\(event.reason)|\(event.message)"
        guard state.reportedEvents.insert(identity).inserted, let namespace = pod.namespace else { return }
        let name = "\(pod.name).\(StableHash.hex(identity, count: 16))"
        let now = JSONValue.string(ClusterState.timestamp())
        let object: JSONValue = [
            "kind": "Event", "apiVersion": "v1",
            "metadata": ["name": .string(name), "namespace": .string(namespace)],
            "involvedObject": [
                "kind": "Pod", "namespace": .string(namespace), "name": .string(pod.name), "uid": .string(pod.uid),
                "apiVersion": "v1", "resourceVersion": pod.value(at: ["metadata", "resourceVersion"]) ?? "",
                "fieldPath": .string("spec.containers{\(event.container)}"),
            ],
            "reason": .string(event.reason), "message": .string(event.message),
            "source": ["component": "kubelet", "host": .string(PodStatusFactory.nodeName)],
            "firstTimestamp": now, "lastTimestamp": now, "count": 1, "type": .string(event.type),
            "eventTime": .null, "reportingComponent": "kubelet", "reportingInstance": .string(PodStatusFactory.nodeName),
        ]
        state.write(object, at: ObjectKey(type: .events, namespace: namespace, name: name))
    }
}
