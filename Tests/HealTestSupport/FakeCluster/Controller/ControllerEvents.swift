/// The Events a controller of kube-controller-manager records about the object it works on, in
/// the shape of the captured ones (`source.component` and `reportingComponent` both the
/// controller, no `eventTime`): `ScalingReplicaSet` from the deployment controller. The same
/// reason and message again raises the count, as the event recorder's aggregation does.
enum ControllerEvents {
    static func record(
        _ reason: String, _ message: String, about object: JSONValue, kind: String, apiVersion: String, component: String, in state: inout ClusterState
    ) {
        guard let namespace = object.namespace else { return }
        let identity = "\(object.uid)|\(reason)|\(message)"
        let now = JSONValue.string(state.timestampNow)
        if let key = state.reportedEvents[identity], let stored = state.store[key] {
            let count = (stored["count"]?.intValue ?? 1) + 1
            state.write(stored.setting("count", to: .int(count)).setting("lastTimestamp", to: now), at: key)
            return
        }
        let name = "\(object.name).\(StableHash.hex(identity, count: 16))"
        let event: JSONValue = [
            "kind": "Event", "apiVersion": "v1",
            "metadata": ["name": .string(name), "namespace": .string(namespace)],
            "involvedObject": [
                "kind": .string(kind), "namespace": .string(namespace), "name": .string(object.name), "uid": .string(object.uid),
                "apiVersion": .string(apiVersion), "resourceVersion": object.value(at: ["metadata", "resourceVersion"]) ?? "",
            ],
            "reason": .string(reason), "message": .string(message), "source": ["component": .string(component)],
            "firstTimestamp": now, "lastTimestamp": now, "count": 1, "type": "Normal",
            "eventTime": .null, "reportingComponent": .string(component), "reportingInstance": "",
        ]
        let key = ObjectKey(type: .events, namespace: namespace, name: name)
        state.reportedEvents[identity] = key
        state.write(event, at: key)
    }
}
