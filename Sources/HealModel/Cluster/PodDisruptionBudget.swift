/// policy/v1.
package struct PodDisruptionBudget: Decodable, Sendable {
    package struct Spec: Decodable, Sendable {
        package var selector: LabelSelector?
        package var minAvailable: IntOrString?
        package var maxUnavailable: IntOrString?
    }

    package var metadata: ObjectMeta
    package var spec: Spec?
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
