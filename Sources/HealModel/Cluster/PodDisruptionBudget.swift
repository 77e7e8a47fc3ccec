/// policy/v1.
package struct PodDisruptionBudget: Decodable, Sendable {
    package struct Spec: Decodable, Sendable {
        package var selector: LabelSelector?
        package var minAvailable: IntOrString?
        package var maxUnavailable: IntOrString?
    }

    package struct Status: Decodable, Sendable {
        /// How many pods may be evicted now: 0 blocks every voluntary eviction (a drain waits).
        package var disruptionsAllowed: Int?
        package var currentHealthy: Int?
        package var desiredHealthy: Int?
        /// The pods the disruption controller counts as selected.
        package var expectedPods: Int?
        /// `DisruptionAllowed`, with the time it last changed.
        @DefaultEmpty package var conditions: [Condition]
    }

    package var metadata: ObjectMeta
    package var spec: Spec?
    package var status: Status?
}

extension ResourceKind {
    package static let podDisruptionBudgets = ResourceKind(group: "policy", version: "v1", plural: "poddisruptionbudgets", kind: "PodDisruptionBudget", shortNames: ["pdb"])
}

extension PodDisruptionBudget: KubeResource {
    package static var resource: ResourceKind { .podDisruptionBudgets }}

extension ClusterSnapshot {
    package var podDisruptionBudgets: [PodDisruptionBudget] {
        get { self[PodDisruptionBudget.self] }
        _modify { yield &self[PodDisruptionBudget.self] }
    }
}
