import HealModel

/// A Deployment's ReplicaSets seen as revisions: the newest, and the newest older one that
/// still has available pods (what a rollback returns to).
struct DeploymentRevisions {
    let replicaSets: [ReplicaSet]

    init(of deployment: ResourceRef, index: SnapshotIndex) {
        replicaSets = index.replicaSets(of: deployment)
    }

    var newest: ReplicaSet? {
        replicaSets.max { ($0.revision ?? 0) < ($1.revision ?? 0) }
    }

    func servingBefore(_ revision: Int) -> ReplicaSet? {
        replicaSets
            .filter { ($0.revision ?? 0) < revision && ($0.status?.availableReplicas ?? 0) > 0 }
            .max { ($0.revision ?? 0) < ($1.revision ?? 0) }
    }
}
