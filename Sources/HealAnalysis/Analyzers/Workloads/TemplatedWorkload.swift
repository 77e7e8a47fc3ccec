import HealModel

/// A Deployment, StatefulSet or DaemonSet seen the one way that checks reading pod templates
/// need: its name, its template and how many pods it asks for.
struct TemplatedWorkload {
    var ref: ResourceRef
    var metadata: ObjectMeta
    var selector: LabelSelector?
    var template: PodTemplate?
    /// Replicas asked for; for a DaemonSet, the nodes it should run on.
    var desiredReplicas: Int
    /// Ready pods as the controller last wrote them in the status.
    var reportedReady = 0

    var templateLabels: [String: String] { template?.metadata?.labels ?? [:] }
    var containers: [Container] { template?.spec.containers ?? [] }

    static func all(in snapshot: ClusterSnapshot) -> [TemplatedWorkload] {
        let deployments = snapshot.deployments.map {
            TemplatedWorkload(
                ref: $0.metadata.ref(kind: "Deployment"), metadata: $0.metadata, selector: $0.spec.selector, template: $0.spec.template,
                desiredReplicas: $0.desiredReplicas, reportedReady: $0.status?.readyReplicas ?? 0)
        }
        let statefulSets = snapshot.statefulSets.map {
            TemplatedWorkload(
                ref: $0.metadata.ref(kind: "StatefulSet"), metadata: $0.metadata, selector: $0.spec.selector, template: $0.spec.template,
                desiredReplicas: $0.desiredReplicas, reportedReady: $0.status?.readyReplicas ?? 0)
        }
        // A DaemonSet without status has not been counted yet: assume it runs somewhere.
        let daemonSets = snapshot.daemonSets.map {
            TemplatedWorkload(
                ref: $0.metadata.ref(kind: "DaemonSet"), metadata: $0.metadata, selector: $0.spec.selector, template: $0.spec.template,
                desiredReplicas: $0.status?.desiredNumberScheduled ?? 1, reportedReady: $0.status?.numberReady ?? 0)
        }
        return deployments + statefulSets + daemonSets
    }
}
