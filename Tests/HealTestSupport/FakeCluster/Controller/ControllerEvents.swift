/// The Events a controller of kube-controller-manager records about the object it works on, in
/// the shape of the captured ones (`source.component` and `reportingComponent` both the
/// controller, no `eventTime`): `ScalingReplicaSet` from the deployment controller. The same
/// reason and message again raises the count, as the event recorder's aggregation does.
enum ControllerEvents {
    static func record(
        _ reason: String, _ message: String, about object: JSONValue, kind: String, apiVersion: String, component: String, in state: inout ClusterState
    ) {
        guard let namespace = object.namespace else { return }
        state.recordEvent(identity: "\(object.uid)|\(reason)|\(message)", about: object, repeated: { $0 + 1 }) { name, now in
            [
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
        }
    }
}
