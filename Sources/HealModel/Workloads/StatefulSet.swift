package struct StatefulSet: Decodable, Sendable {
    package struct ClaimTemplate: Decodable, Sendable {
        package var metadata: ObjectMeta
        package var spec: PersistentVolumeClaim.Spec?
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

extension ResourceKind {
    package static let statefulSets = ResourceKind(group: "apps", version: "v1", plural: "statefulsets", kind: "StatefulSet", shortNames: ["sts"])
}

extension StatefulSet: KubeResource {
    package static var resource: ResourceKind { .statefulSets }}

extension ClusterSnapshot {
    package var statefulSets: [StatefulSet] {
        get { self[StatefulSet.self] }
        _modify { yield &self[StatefulSet.self] }
    }
}
