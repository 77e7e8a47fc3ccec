import HealModel

/// A Deployment's newest ReplicaSet and its pods — the ones a stuck rollout or a shortfall is
/// about — and the newest older revision that still has available pods.
struct NewestRevision {
    var name: String?
    var number: Int?
    var pods: [Pod]
    var previousServing: Int?

    init(of deployment: Deployment, context: AnalysisContext) {
        let ref = deployment.metadata.ref(kind: "Deployment")
        let owned = context.snapshot.replicaSets.filter {
            $0.metadata.namespace == ref.namespace && $0.metadata.controller?.kind == "Deployment" && $0.metadata.controller?.name == ref.name
        }
        let allPods = context.index.pods(of: ref)
        guard let newest = owned.max(by: { ($0.revision ?? 0) < ($1.revision ?? 0) }) else {
            // ReplicaSets were not collected: every pod of the Deployment counts.
            pods = allPods
            return
        }
        name = newest.metadata.name
        number = newest.revision
        pods = allPods.filter { $0.metadata.controller?.name == newest.metadata.name }
        previousServing = owned
            .filter { ($0.revision ?? 0) < (newest.revision ?? 0) && ($0.status?.availableReplicas ?? 0) > 0 }
            .compactMap(\.revision).max()
    }
}
