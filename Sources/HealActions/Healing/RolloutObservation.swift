import Foundation
import HealAnalysis
import HealKube
import HealModel

/// One look at a Deployment's rollout, taken the way the change that caused it must be judged:
/// the controller must have observed the generation the write returned, the new ReplicaSet is
/// the one whose pod template is the Deployment's (not "the newest", and not the revision
/// annotation, which still names the old one until the controller has acted), and only that
/// ReplicaSet's pods count — terminating pods and the old ReplicaSets' pods never do.
struct RolloutObservation {
    let deployment: Deployment
    /// The ReplicaSet running the Deployment's current template, once the controller made it.
    let newReplicaSet: ReplicaSet?
    /// Its pods that are not terminating.
    let newPods: [Pod]
    /// Pods of the old ReplicaSets that are not terminating yet.
    let oldPods: [Pod]
    /// The generation the change's write returned (0: nothing was written, e.g. a pod restart).
    let generation: Int
    /// When the change was written: conditions and terminations from before it say nothing
    /// about it (whole seconds, as the API writes times).
    let writtenAt: Date
    /// Whether the pods were listed just now, not taken from an informer's store.
    let podsListed: Bool

    var desired: Int { deployment.desiredReplicas }

    /// Whether the controller has acted on the change yet.
    var observed: Bool { (deployment.status?.observedGeneration ?? 0) >= generation && newReplicaSet != nil }

    /// "2 of 2 new pods" when only the new ReplicaSet's pods run, all Ready.
    var completeRollout: String? {
        let ready = newPods.filter(\.isReady)
        guard observed, ready.count == desired, newPods.count == desired, oldPods.isEmpty,
            deployment.status?.updatedReplicas ?? 0 == desired
        else { return nil }
        return "\(ready.count) of \(desired) new pod\(desired == 1 ? "" : "s")"
    }

    var restarts: [String: Int] {
        Dictionary(newPods.map { ($0.metadata.name, $0.status.containerStatuses.reduce(0) { $0 + ($1.restartCount ?? 0) }) }) { first, _ in first }
    }

    var progress: String {
        guard observed else {
            return "the deployment controller has not observed generation \(generation) yet (observedGeneration \(deployment.status?.observedGeneration ?? 0))"
        }
        return "\(newPods.filter(\.isReady).count) of \(desired) new pods Ready, \(oldPods.count) old pod(s) left"
    }

    /// Why the rollout cannot succeed: the controller gave up (`ProgressDeadlineExceeded`), or a
    /// new pod shows a state only a broken spec reaches.
    var failure: String? {
        guard observed else { return nil }
        // The condition outlives the rollout it was about: only one about this ReplicaSet,
        // updated since the write, judges the change.
        if let stalled = deployment.status?.conditions.first(where: {
            $0.type == "Progressing" && $0.status == "False" && $0.reason == "ProgressDeadlineExceeded"
                && ($0.lastUpdateTime?.date).map(isAfterWrite) ?? false
                && ($0.message ?? "").contains(newReplicaSet?.metadata.name ?? "\u{0}")
        }) {
            return "the rollout exceeded its progress deadline: \(stalled.message ?? "ProgressDeadlineExceeded")"
        }
        for pod in newPods {
            for status in pod.status.initContainerStatuses + pod.status.containerStatuses {
                if let reason = status.state?.waiting?.reason, Self.failingReasons.contains(reason) {
                    let last = status.lastState?.terminated.map { ", last terminated \($0.reason ?? "exit") (exit code \($0.exitCode))" } ?? ""
                    return "new pod \(pod.metadata.name): container \(status.name) is \(reason)\(last)"
                }
                // A pod the change did not create (a pod restart's siblings) may carry an old crash.
                if let terminated = status.state?.terminated ?? status.lastState?.terminated, terminated.exitCode != 0,
                    (terminated.finishedAt?.date).map(isAfterWrite) ?? true
                {
                    return "new pod \(pod.metadata.name): container \(status.name) terminated \(terminated.reason ?? "with an error") (exit code \(terminated.exitCode))"
                }
            }
        }
        return nil
    }

    private func isAfterWrite(_ date: Date) -> Bool {
        date >= writtenAt.addingTimeInterval(-1)
    }

    static let failingReasons: Set<String> = [
        "CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "InvalidImageName", "CreateContainerConfigError",
        "CreateContainerError", "RunContainerError",
    ]

    /// Reads the Deployment, its ReplicaSets and their pods (from `pods` while it is current,
    /// else listed).
    static func read(
        _ name: String, namespace: String, generation: Int, writtenAt: Date, client: KubeClient, pods podInformer: Informer<Pod>?
    ) async throws -> RolloutObservation {
        let data = try await client.object(APIResource(.deployments), namespace: namespace, name: name)
        let deployment = try JSONDecoder().decode(Deployment.self, from: data)
        let template = try JSONDecoder().decode(TemplateCarrier.self, from: data).spec.template
        let selector = deployment.spec.selector ?? LabelSelector()
        let query = selector.matchLabels.selectorText
        var replicaSets: [TemplatedReplicaSet] = []
        _ = try await client.list(.replicaSets, as: TemplatedReplicaSet.self, namespace: namespace, labelSelector: query) { replicaSets += $0 }
        var pods: [Pod] = []
        let fromInformer = podInformer?.current ?? false
        if let podInformer, fromInformer {
            pods = podInformer.objects(in: namespace)
        } else {
            _ = try await client.list(.pods, as: Pod.self, namespace: namespace, labelSelector: query) { pods += $0 }
        }
        let owned = replicaSets.filter { $0.replicaSet.metadata.controller?.uid == deployment.metadata.uid }
        let current = owned.first { PodTemplateMatch.runs(template, replicaSetTemplate: $0.template) }?.replicaSet
        // Active pods, as the controllers count them: not terminating, not Failed (evicted) or Succeeded.
        let live = pods.filter {
            $0.metadata.deletionTimestamp == nil && !["Failed", "Succeeded"].contains($0.status.phase ?? "")
                && selector.matches($0.metadata.labels)
        }
        let ownedUIDs = Set(owned.map(\.replicaSet.metadata.uid))
        let isNew = { (pod: Pod) in current.map { pod.metadata.controller?.uid == $0.metadata.uid } ?? false }
        return RolloutObservation(
            deployment: deployment, newReplicaSet: current, newPods: live.filter(isNew),
            oldPods: live.filter { !isNew($0) && ownedUIDs.contains($0.metadata.controller?.uid ?? "") }, generation: generation,
            writtenAt: writtenAt, podsListed: !fromInformer)
    }
}

/// `spec.template` kept whole, for comparing pod templates exactly.
private struct TemplateCarrier: Decodable {
    struct Spec: Decodable {
        var template: JSONValue?
    }

    var spec: Spec
}

/// A ReplicaSet, typed, with its template kept whole.
struct TemplatedReplicaSet: Decodable, Sendable {
    let replicaSet: ReplicaSet
    let template: JSONValue?

    init(from decoder: any Decoder) throws {
        replicaSet = try ReplicaSet(from: decoder)
        template = try TemplateCarrier(from: decoder).spec.template
    }
}
