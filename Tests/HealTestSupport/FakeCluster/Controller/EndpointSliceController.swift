/// The endpointslice controller: one IPv4 EndpointSlice per Service with a selector, listing
/// every pod with an IP that the selector matches, ready or not, with ports resolved against
/// the pods' named container ports. Slices of deleted Services go too. A terminating pod stays
/// listed, not ready (serving as its readiness says, `terminating: true`).
enum EndpointSliceController {
    static let managedBy = "endpointslice-controller.k8s.io"

    static func reconcile(_ state: inout ClusterState) {
        var wanted: Set<ObjectKey> = []
        for (_, service) in state.store.list(.services, namespace: nil) {
            let selector = service.labels(at: ["spec", "selector"])
            guard !selector.isEmpty, let namespace = service.namespace else { continue }
            let existing = managedSlices(in: state, namespace: namespace).first {
                $0.object.labels["kubernetes.io/service-name"] == service.name
            }
            let pods = state.store.list(.pods, namespace: namespace).map(\.object).filter { pod in
                pod.value(at: ["status", "podIP"]) != nil && selector.allSatisfy { pod.labels[$0.key] == $0.value }
            }
            let slice = desiredSlice(for: service, pods: pods, existing: existing?.object)
            let key = DeploymentController.key(slice, .endpointSlices)
            wanted.insert(key)
            state.write(slice, at: key)
        }
        for (key, _) in state.store.list(.endpointSlices, namespace: nil) where !wanted.contains(key) {
            if state.store[key]?.labels["endpointslice.kubernetes.io/managed-by"] == managedBy {
                state.store.delete(key)
            }
        }
    }

    private static func managedSlices(in state: ClusterState, namespace: String) -> [(key: ObjectKey, object: JSONValue)] {
        state.store.list(.endpointSlices, namespace: namespace).filter {
            $0.object.labels["endpointslice.kubernetes.io/managed-by"] == managedBy
        }
    }

    private static func desiredSlice(for service: JSONValue, pods: [JSONValue], existing: JSONValue?) -> JSONValue {
        let namespace = service.namespace ?? "default"
        // Pods already listed keep their place; new ones follow by name.
        let previousOrder = (existing?["endpoints"]?.arrayValue ?? []).compactMap { $0.value(at: ["targetRef", "name"])?.stringValue }
        let ordered = pods.sorted { left, right in
            let (l, r) = (previousOrder.firstIndex(of: left.name) ?? .max, previousOrder.firstIndex(of: right.name) ?? .max)
            return l == r ? left.name < right.name : l < r
        }
        let endpoints: [JSONValue] = ordered.map { pod in
            let serving = DeploymentController.isReady(pod)
            let terminating = PodTermination.isTerminating(pod)
            return [
                "addresses": [pod.value(at: ["status", "podIP"]) ?? ""],
                "conditions": ["ready": .bool(serving && !terminating), "serving": .bool(serving), "terminating": .bool(terminating)],
                "targetRef": [
                    "kind": "Pod", "namespace": .string(namespace), "name": .string(pod.name), "uid": .string(pod.uid),
                ],
                "nodeName": pod.value(at: ["spec", "nodeName"]) ?? .string(PodStatusFactory.nodeName),
            ]
        }
        let ports: [JSONValue] = (service.value(at: ["spec", "ports"])?.arrayValue ?? []).compactMap { port in
            guard let number = targetPort(port, pods: pods) else { return nil }
            return ["name": port["name"] ?? "", "protocol": port["protocol"] ?? "TCP", "port": .int(number)]
        }
        var labels = service.labels
        labels["endpointslice.kubernetes.io/managed-by"] = managedBy
        labels["kubernetes.io/service-name"] = service.name
        let name = existing?.name ?? "\(service.name)-\(StableHash.suffix(service.uid))"
        var metadata: JSONValue = existing?["metadata"] ?? [
            "name": .string(name), "generateName": .string(service.name + "-"), "namespace": .string(namespace),
        ]
        metadata = metadata.setting("labels", to: .stringMap(labels))
        let endpointsValue: JSONValue = endpoints.isEmpty ? .null : .array(endpoints)
        if existing?["endpoints"] != endpointsValue {
            metadata = metadata.setting("annotations", to: .stringMap(
                (existing?.labels(at: ["metadata", "annotations"]) ?? [:])
                    .merging(["endpoints.kubernetes.io/last-change-trigger-time": ClusterState.timestamp()]) { $1 }))
        }
        metadata = metadata.setting("ownerReferences", to: [[
            "apiVersion": "v1", "kind": "Service", "name": .string(service.name), "uid": .string(service.uid),
            "controller": true, "blockOwnerDeletion": true,
        ]])
        return [
            "kind": "EndpointSlice", "apiVersion": "discovery.k8s.io/v1", "metadata": metadata,
            "addressType": "IPv4", "endpoints": endpointsValue, "ports": endpoints.isEmpty ? .null : .array(ports),
        ]
    }

    /// A numeric `targetPort`, or a named one looked up in the pods' container ports
    /// (defaulting to `port`, as the API server does).
    private static func targetPort(_ port: JSONValue, pods: [JSONValue]) -> Int? {
        switch port["targetPort"] {
        case .number(let literal)?: return Int(literal)
        case .string(let name)?:
            return pods.lazy.flatMap { $0.value(at: ["spec", "containers"])?.arrayValue ?? [] }
                .flatMap { $0["ports"]?.arrayValue ?? [] }
                .first { $0["name"]?.stringValue == name }?["containerPort"]?.intValue
        default: return port["port"]?.intValue
        }
    }
}
