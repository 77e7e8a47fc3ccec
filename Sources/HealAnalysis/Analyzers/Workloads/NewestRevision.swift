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
        let revisions = DeploymentRevisions(of: ref, index: context.index)
        let allPods = context.index.pods(of: ref)
        guard let newest = revisions.newest else {
            // ReplicaSets were not collected: every pod of the Deployment counts.
            pods = allPods
            return
        }
        name = newest.metadata.name
        number = newest.revision
        pods = allPods.filter { $0.metadata.controller?.name == newest.metadata.name }
        previousServing = revisions.servingBefore(newest.revision ?? 0)?.revision
    }
}
