/// The garbage collector with background propagation (what `kubectl delete` asks for): once a
/// Deployment or ReplicaSet is gone, the ReplicaSets and pods it controlled go too, so deleting
/// a Deployment takes its whole tree. Orphaned pods go at once, without a termination grace: no
/// test needs the tree's pods to linger, and it keeps deleting a Deployment one step.
enum GarbageCollector {
    private static let ownerKinds: Set<String> = ["Deployment", "ReplicaSet"]

    static func reconcile(_ state: inout ClusterState) {
        let owners = Set([ResourceType.deployments, .replicaSets].flatMap { state.store.list($0, namespace: nil) }.map(\.object.uid))
        for type in [ResourceType.replicaSets, .pods] {
            for (key, object) in state.store.list(type, namespace: nil) where isOrphan(object, owners: owners) {
                state.store.delete(key)
                if type == .pods { state.forget(pod: object.uid) }
            }
        }
    }

    private static func isOrphan(_ object: JSONValue, owners: Set<String>) -> Bool {
        guard let owner = (object.value(at: ["metadata", "ownerReferences"])?.arrayValue ?? []).first(where: {
            $0["controller"]?.boolValue == true && ownerKinds.contains($0["kind"]?.stringValue ?? "")
        }), let uid = owner["uid"]?.stringValue else { return false }
        return !owners.contains(uid)
    }
}
