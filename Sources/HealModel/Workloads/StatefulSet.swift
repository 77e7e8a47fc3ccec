package struct StatefulSet: Decodable, Sendable {
    package struct ClaimTemplate: Decodable, Sendable {
        package var metadata: ObjectMeta
    }

    package struct Spec: Decodable, Sendable {
        package var replicas: Int?
        package var selector: LabelSelector?
        package var template: PodTemplate?
        package var serviceName: String?
        @DefaultEmpty package var volumeClaimTemplates: [ClaimTemplate]
    }

    package struct Status: Decodable, Sendable {
        package var replicas: Int?
        package var readyReplicas: Int?
        package var currentReplicas: Int?
        package var updatedReplicas: Int?
        package var availableReplicas: Int?
        package var currentRevision: String?
        package var updateRevision: String?
    }

    package var metadata: ObjectMeta
    package var spec: Spec
    package var status: Status?

    package var desiredReplicas: Int { spec.replicas ?? 1 }
}
