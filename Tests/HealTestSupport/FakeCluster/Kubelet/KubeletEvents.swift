/// The Events the kubelet records about a pod's containers, in the wording and types of the
/// captured agentic-demo events: `Pulling`/`Failed`/`BackOff` for a failed pull, `Pulled`,
/// `Created`, `Started` for a container it starts, `BackOff` (counted per restart) for a crash
/// loop, `Failed` with the message for a configuration error, `Unhealthy` for a failing
/// readiness probe. Each is recorded once; a repeat only raises its `count`.
enum KubeletEvents {
    private struct Event {
        let type: String
        let reason: String
        let message: String
        var count = 1
    }

    /// `fresh`: the fake created the pod, so the kubelet reports starting it (for a seeded pod
    /// that happened before the capture).
    static func report(
        for pod: JSONValue, containers: [JSONValue],
        states: [PodStatusFactory.ContainerState], fresh: Bool, in state: inout ClusterState
    ) {
        let behaviour = Kubelet.behaviour(of: pod, in: state)
        for (container, containerState) in zip(containers, states) {
            let name = container["name"]?.stringValue ?? ""
            let image = container["image"]?.stringValue ?? ""
            for event in events(name: name, image: image, containerState, behaviour: behaviour, pod: pod, fresh: fresh) {
                record(event, container: name, about: pod, adoptingCaptured: !fresh, in: &state)
            }
        }
    }

    private static func events(
        name: String, image: String, _ containerState: PodStatusFactory.ContainerState,
        behaviour: FakeCluster.PodBehaviour?, pod: JSONValue, fresh: Bool
    ) -> [Event] {
        let pulled = Event(type: "Normal", reason: "Pulled", message: "Container image \"\(image)\" already present on machine")
        let started = fresh ? [
            pulled,
            Event(type: "Normal", reason: "Created", message: "Created container: \(name)"),
            Event(type: "Normal", reason: "Started", message: "Started container \(name)"),
        ] : []
        switch containerState {
        case .running(let ready):
            guard !ready, case .notReady(let message)? = behaviour else { return started }
            return started + [Event(type: "Warning", reason: "Unhealthy", message: message)]
        case .crashLoop(_, _, let restartCount):
            let podRef = "\(pod.name)_\(pod.namespace ?? "")(\(pod.uid))"
            return started + [Event(
                type: "Warning", reason: "BackOff",
                message: "Back-off restarting failed container \(name) in pod \(podRef)", count: restartCount)]
        case .pullFailed(let error, let backingOff):
            let attempt = [
                Event(type: "Normal", reason: "Pulling", message: "Pulling image \"\(image)\""),
                Event(type: "Warning", reason: "Failed", message: "Failed to pull image \"\(image)\": \(error)"),
                Event(type: "Warning", reason: "Failed", message: "Error: ErrImagePull"),
            ]
            guard backingOff else { return attempt }
            return attempt + [
                Event(type: "Normal", reason: "BackOff", message: "Back-off pulling image \"\(image)\""),
                Event(type: "Warning", reason: "Failed", message: "Error: ImagePullBackOff"),
            ]
        case .configError(let message):
            return [pulled, Event(type: "Warning", reason: "Failed", message: "Error: \(message)")]
        }
    }

    /// `adoptingCaptured`: for a seeded pod, a captured Event with the same reason and message
    /// is this one (its count goes on), rather than a second Event saying the same.
    private static func record(
        _ event: Event, container: String, about pod: JSONValue, adoptingCaptured: Bool, in state: inout ClusterState
    ) {
        guard let namespace = pod.namespace else { return }
        let identity = "\(pod.uid)|\(event.reason)|\(event.message)"
        if adoptingCaptured, state.reportedEvents[identity] == nil,
            let captured = state.store.list(.events, namespace: namespace).first(where: { _, object in
                object.value(at: ["involvedObject", "uid"])?.stringValue == pod.uid
                    && object["reason"]?.stringValue == event.reason && object["message"]?.stringValue == event.message
            })
        {
            state.reportedEvents[identity] = captured.key
            // The capture counted on its own clock; only later repeats raise the count.
            if event.count <= captured.object["count"]?.intValue ?? 0 { return }
        }
        state.recordEvent(identity: identity, about: pod, repeated: { $0 == event.count ? nil : event.count }) { name, now in
            [
                "kind": "Event", "apiVersion": "v1",
                "metadata": ["name": .string(name), "namespace": .string(namespace)],
                "involvedObject": [
                    "kind": "Pod", "namespace": .string(namespace), "name": .string(pod.name), "uid": .string(pod.uid),
                    "apiVersion": "v1", "resourceVersion": pod.value(at: ["metadata", "resourceVersion"]) ?? "",
                    "fieldPath": .string("spec.containers{\(container)}"),
                ],
                "reason": .string(event.reason), "message": .string(event.message),
                "source": ["component": "kubelet", "host": .string(PodStatusFactory.nodeName)],
                "firstTimestamp": now, "lastTimestamp": now, "count": .int(event.count), "type": .string(event.type),
                "eventTime": .null, "reportingComponent": "kubelet", "reportingInstance": .string(PodStatusFactory.nodeName),
            ]
        }
    }
}
