import HealModel

/// A Deployment's revisions (its ReplicaSets) with what each changed in the pod template against
/// the one before: image, command and args (that they changed, never their values), env names,
/// envFrom, volumes, resources, probes. A revision's time is its ReplicaSet's creation or, for one
/// brought back (a rollback, or a template that returned to an old one: the ReplicaSet records its
/// old revision numbers), its last scale-up from 0.
enum TimelineRolloutEntries {
    static let revisionHistory = "deployment.kubernetes.io/revision-history"

    static func entries(_ deployments: [Deployment], lookup: TimelineIndex) -> [TimelineEntry] {
        deployments.flatMap { deployment -> [TimelineEntry] in
            let ref = deployment.metadata.ref(kind: "Deployment")
            let revisions = lookup.index.replicaSets(of: ref).filter { $0.revision != nil }.sorted { ($0.revision ?? 0) < ($1.revision ?? 0) }
            return revisions.enumerated().compactMap { position, replicaSet -> TimelineEntry? in
                guard let created = replicaSet.metadata.creationTimestamp, let revision = replicaSet.revision else { return nil }
                let rsRef = replicaSet.metadata.ref(kind: "ReplicaSet")
                // Scaled up from 0 again is a revision brought back only when it had another number before.
                let broughtBack = replicaSet.metadata.annotations[revisionHistory] != nil
                let reactivated = !broughtBack ? nil : lookup.events.events(about: ref)
                    .filter { $0.reason == "ScalingReplicaSet" && $0.message.hasPrefix("Scaled up replica set \(rsRef.name) from 0 ") }
                    .compactMap { $0.lastSeen ?? $0.firstSeen }.max()
                let time = max(created, reactivated ?? created)
                guard position > 0, let old = revisions[position - 1].spec.template?.spec, let new = replicaSet.spec.template?.spec else {
                    let images = (replicaSet.spec.template?.spec.containers ?? []).compactMap(\.image)
                    return TimelineEntry(
                        time: time, kind: .rollout, object: ref, title: "revision \(revision) of \(ref.typeAndName)",
                        sentence: "\(ref.typeAndName): revision \(revision) (ReplicaSet \(rsRef.name))\(images.isEmpty ? "" : " runs \(Wording.list(images))").",
                        // The oldest revision kept has nothing before it to have changed.
                        evidence: ["ReplicaSet \(rsRef.name) created \(created)"], isChange: false)
                }
                var removed: [String: [String]] = [:]
                let changes = RolloutHistory.differences(from: old, to: new, removedVariables: &removed)
                let previous = revisions[position - 1].revision ?? 0
                return TimelineEntry(
                    time: time, kind: .rollout, object: ref, title: "revision \(revision) of \(ref.typeAndName)",
                    sentence: "\(ref.typeAndName): revision \(revision) (ReplicaSet \(rsRef.name)) "
                        + (changes.isEmpty ? "changed nothing in the containers against revision \(previous) (labels, annotations or pod settings)."
                            : "changed \(Wording.list(changes)) against revision \(previous)."),
                    evidence: ["ReplicaSet \(rsRef.name) created \(created)"] + changes, isChange: true)
            }
        }
    }
}
