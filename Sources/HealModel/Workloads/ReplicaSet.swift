package struct ReplicaSet: Decodable, Sendable {
    package struct Spec: Decodable, Sendable {
        package var replicas: Int?
        package var selector: LabelSelector?
        package var template: PodTemplate?
    }

    package struct Status: Decodable, Sendable {
        package var replicas: Int?
        package var readyReplicas: Int?
        package var availableReplicas: Int?
        @DefaultEmpty package var conditions: [Condition]
    }

    package var metadata: ObjectMeta
    package var spec: Spec
    package var status: Status?

    /// The Deployment revision this ReplicaSet holds (`deployment.kubernetes.io/revision`).
    package var revision: Int? {
        metadata.annotations["deployment.kubernetes.io/revision"].flatMap { Int($0) }
    }
}
