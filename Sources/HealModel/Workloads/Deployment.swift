package struct Deployment: Decodable, Sendable {
    package struct Spec: Decodable, Sendable {
        /// Absent means 1, as the API server defaults it.
        package var replicas: Int?
        package var selector: LabelSelector?
        package var template: PodTemplate?
        package var progressDeadlineSeconds: Int?
        package var paused: Bool?
    }

    package struct Status: Decodable, Sendable {
        package var observedGeneration: Int?
        package var replicas: Int?
        package var updatedReplicas: Int?
        package var readyReplicas: Int?
        package var availableReplicas: Int?
        package var unavailableReplicas: Int?
        @DefaultEmpty package var conditions: [Condition]
    }

    package var metadata: ObjectMeta
    package var spec: Spec
    package var status: Status?

    package var desiredReplicas: Int { spec.replicas ?? 1 }
    package var availableReplicas: Int { status?.availableReplicas ?? 0 }
}
