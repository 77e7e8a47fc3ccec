/// Shares one copy of the container specs, labels and owner references among the pods of one
/// template. The pods of a ReplicaSet (or StatefulSet/DaemonSet revision) carry identical ones
/// in the narrow model, so on a 10,000-pod cluster this keeps one copy per revision instead of
/// one per pod — a third of a pod's memory. Arrays and dictionaries are copy-on-write, so
/// sharing changes nothing else.
package struct ContainerSpecInterner {
    private struct Template: Hashable {
        var namespace: String
        var owner: String
        var revision: String
    }

    private struct Shared {
        var containers: [Container]
        var initContainers: [Container]
        var labels: [String: String]
        var ownerReferences: [OwnerReference]
    }

    private var known: [Template: Shared] = [:]

    package init() {}

    var isEmpty: Bool { known.isEmpty }

    package mutating func intern(_ pod: inout Pod) {
        guard let owner = pod.metadata.controller?.uid,
            let revision = pod.metadata.labels["pod-template-hash"] ?? pod.metadata.labels["controller-revision-hash"]
        else { return }
        let template = Template(namespace: pod.metadata.namespace ?? "", owner: owner, revision: revision)
        guard let shared = known[template] else {
            known[template] = Shared(
                containers: pod.spec.containers, initContainers: pod.spec.initContainers, labels: pod.metadata.labels,
                ownerReferences: pod.metadata.ownerReferences)
            return
        }
        // Equal values only: a pod edited by hand or a mutating webhook keeps its own.
        if shared.containers == pod.spec.containers { pod.spec.containers = shared.containers }
        if shared.initContainers == pod.spec.initContainers { pod.spec.initContainers = shared.initContainers }
        if shared.labels == pod.metadata.labels { pod.metadata.labels = shared.labels }
        if shared.ownerReferences == pod.metadata.ownerReferences { pod.metadata.ownerReferences = shared.ownerReferences }
    }
}
