import HealModel

/// Lookups over a snapshot, built once: events by the object they are about, owners of pods,
/// pods of workloads. Analyzers read a 10,000-pod cluster without quadratic scans.
package final class SnapshotIndex: Sendable {
    private struct ObjectKey: Hashable {
        var kind: String
        var namespace: String
        var name: String
    }

    private let eventsByObject: [ObjectKey: [Event]]
    private let replicaSets: [ObjectKey: ReplicaSet]
    private let replicaSetsByDeployment: [ResourceRef: [ReplicaSet]]
    private let jobs: [ObjectKey: Job]
    /// Positions in `pods`, not copies: on a large cluster a second copy of every pod would
    /// cost as much as the index saves.
    private let podPositionsByWorkload: [ResourceRef: [Int]]
    private let pods: [Pod]
    private let workloadByPodUID: [String: ResourceRef]
    /// Workloads with a Ready pod, or whose status reports available (or ready) replicas.
    private let servingWorkloads: Set<ResourceRef>
    package let runningImages: Set<String>

    package init(_ snapshot: ClusterSnapshot) {
        var events: [ObjectKey: [Event]] = [:]
        for event in snapshot.events where event.mattersForDiagnosis {
            guard let kind = event.regarding.kind, let name = event.regarding.name else { continue }
            // Events about cluster-scoped objects (nodes) live in "default" but name no namespace
            // for their object; the object's own namespace is the key.
            let namespace = event.regarding.namespace ?? ""
            events[ObjectKey(kind: kind, namespace: namespace, name: name), default: []].append(event)
        }
        eventsByObject = events.mapValues { $0.sorted { ($0.lastSeen ?? Timestamp(secondsSince1970: 0)) < ($1.lastSeen ?? Timestamp(secondsSince1970: 0)) } }
        replicaSets = Dictionary(
            snapshot.replicaSets.map { (ObjectKey(kind: "ReplicaSet", namespace: $0.metadata.namespace ?? "", name: $0.metadata.name), $0) },
            uniquingKeysWith: { first, _ in first })
        replicaSetsByDeployment = Dictionary(grouping: snapshot.replicaSets.filter { $0.metadata.controller?.kind == "Deployment" }) {
            ResourceRef(kind: "Deployment", namespace: $0.metadata.namespace, name: $0.metadata.controller?.name ?? "")
        }
        jobs = Dictionary(
            snapshot.jobs.map { (ObjectKey(kind: "Job", namespace: $0.metadata.namespace ?? "", name: $0.metadata.name), $0) },
            uniquingKeysWith: { first, _ in first })

        var byWorkload: [ResourceRef: [Int]] = [:]
        var byUID: [String: ResourceRef] = [:]
        var images: Set<String> = []
        var withReadyPod: Set<ResourceRef> = []
        let replicaSetIndex = replicaSets
        let jobIndex = jobs
        for (position, pod) in snapshot.pods.enumerated() {
            let workload = Self.workload(of: pod, replicaSets: replicaSetIndex, jobs: jobIndex)
            if let workload {
                byWorkload[workload, default: []].append(position)
                if pod.isReady { withReadyPod.insert(workload) }
                if let uid = pod.metadata.uid { byUID[uid] = workload }
            }
            for status in pod.status.containerStatuses where status.state?.running != nil {
                if let image = pod.spec.containers.first(where: { $0.name == status.name })?.image { images.insert(image) }
            }
        }
        podPositionsByWorkload = byWorkload
        pods = snapshot.pods
        workloadByPodUID = byUID
        runningImages = images
        servingWorkloads = withReadyPod.union(
            snapshot.deployments.filter { $0.availableReplicas > 0 }.map { $0.metadata.ref(kind: "Deployment") }
                + snapshot.statefulSets.filter { ($0.status?.readyReplicas ?? 0) > 0 }.map { $0.metadata.ref(kind: "StatefulSet") }
                + snapshot.daemonSets.filter { ($0.status?.numberAvailable ?? 0) > 0 }.map { $0.metadata.ref(kind: "DaemonSet") })
    }

    /// Whether any of the workload's pods is Ready, or its status reports replicas available
    /// (Deployment), ready (StatefulSet) or available (DaemonSet).
    package func isServing(_ workload: ResourceRef) -> Bool {
        servingWorkloads.contains(workload)
    }

    /// Events about an object, oldest first. Matched by kind and name (and uid when both sides
    /// have one, so a recreated pod does not inherit its predecessor's events).
    package func events(for ref: ResourceRef, uid: String? = nil) -> [Event] {
        let all = eventsByObject[ObjectKey(kind: ref.kind, namespace: ref.namespace ?? "", name: ref.name)] ?? []
        guard let uid else { return all }
        return all.filter { $0.regarding.uid == nil || $0.regarding.uid == uid }
    }

    package func events(for pod: Pod) -> [Event] {
        events(for: pod.ref, uid: pod.metadata.uid)
    }

    /// The top-level workload managing a pod: ReplicaSet → Deployment, Job → CronJob, or the
    /// StatefulSet/DaemonSet/Job itself. nil for a bare pod.
    package func workload(of pod: Pod) -> ResourceRef? {
        if let uid = pod.metadata.uid, let known = workloadByPodUID[uid] { return known }
        return Self.workload(of: pod, replicaSets: replicaSets, jobs: jobs)
    }

    package func pods(of workload: ResourceRef) -> [Pod] {
        (podPositionsByWorkload[workload] ?? []).map { pods[$0] }
    }

    /// The ReplicaSets a Deployment controls, in snapshot order.
    package func replicaSets(of deployment: ResourceRef) -> [ReplicaSet] {
        replicaSetsByDeployment[deployment] ?? []
    }

    package func replicaSet(namespace: String, name: String) -> ReplicaSet? {
        replicaSets[ObjectKey(kind: "ReplicaSet", namespace: namespace, name: name)]
    }

    private static func workload(of pod: Pod, replicaSets: [ObjectKey: ReplicaSet], jobs: [ObjectKey: Job]) -> ResourceRef? {
        guard let owner = pod.metadata.controller else { return nil }
        let namespace = pod.metadata.namespace
        switch owner.kind {
        case "ReplicaSet":
            if let replicaSet = replicaSets[ObjectKey(kind: "ReplicaSet", namespace: namespace ?? "", name: owner.name)] {
                guard let parent = replicaSet.metadata.controller else {
                    return ResourceRef(kind: "ReplicaSet", namespace: namespace, name: owner.name)
                }
                return ResourceRef(kind: parent.kind, namespace: namespace, name: parent.name)
            }
            // ReplicaSets not in the snapshot: a Deployment names its ReplicaSets
            // "<deployment>-<pod-template-hash>", and the pod carries that hash as a label.
            if let hash = pod.metadata.labels["pod-template-hash"], owner.name.hasSuffix("-\(hash)") {
                return ResourceRef(kind: "Deployment", namespace: namespace, name: String(owner.name.dropLast(hash.count + 1)))
            }
            return ResourceRef(kind: "ReplicaSet", namespace: namespace, name: owner.name)
        case "Job":
            if let parent = jobs[ObjectKey(kind: "Job", namespace: namespace ?? "", name: owner.name)]?.metadata.controller {
                return ResourceRef(kind: parent.kind, namespace: namespace, name: parent.name)
            }
            return ResourceRef(kind: "Job", namespace: namespace, name: owner.name)
        default:
            return ResourceRef(kind: owner.kind, namespace: namespace, name: owner.name)
        }
    }
}

extension SnapshotIndex {
    /// "Deployment web", once per workload the pods belong to, sorted: for naming owners in a sentence.
    package func workloadNames(of pods: [Pod]) -> [String] {
        Set(pods.compactMap { workload(of: $0) }).sorted().map { "\($0.kind) \($0.name)" }
    }
}
