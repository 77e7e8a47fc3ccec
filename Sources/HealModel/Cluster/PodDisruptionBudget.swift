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
