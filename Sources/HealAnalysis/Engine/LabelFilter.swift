import HealModel

/// `-l`: keeps the findings about objects carrying the labels — the object itself or its owner
/// workload. Applied to findings rather than to what is read, so that analysis still sees the
/// whole namespace: a Service labelled differently from its pods is judged against all of them.
struct LabelFilter {
    private let selector: LabelSelectorExpression
    private let labels: [ResourceRef: [String: String]]

    init(_ selector: LabelSelectorExpression, snapshot: ClusterSnapshot) {
        self.selector = selector
        var labels: [ResourceRef: [String: String]] = [:]
        func add(_ meta: ObjectMeta, _ kind: ResourceKind) {
            labels[meta.ref(kind: kind.kind)] = meta.labels
        }
        snapshot.pods.forEach { add($0.metadata, .pods) }
        snapshot.deployments.forEach { add($0.metadata, .deployments) }
        snapshot.replicaSets.forEach { add($0.metadata, .replicaSets) }
        snapshot.statefulSets.forEach { add($0.metadata, .statefulSets) }
        snapshot.daemonSets.forEach { add($0.metadata, .daemonSets) }
        snapshot.jobs.forEach { add($0.metadata, .jobs) }
        snapshot.services.forEach { add($0.metadata, .services) }
        snapshot.nodes.forEach { add($0.metadata, .nodes) }
        snapshot.persistentVolumeClaims.forEach { add($0.metadata, .persistentVolumeClaims) }
        snapshot.horizontalPodAutoscalers.forEach { add($0.metadata, .horizontalPodAutoscalers) }
        snapshot.ingresses.forEach { add($0.metadata, .ingresses) }
        self.labels = labels
    }

    func keeps(_ finding: Finding) -> Bool {
        [finding.resource, finding.owner].compactMap { $0 }.contains { ref in
            labels[ref].map(selector.matches) ?? false
        }
    }
}
