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

extension ResourceKind {
    package static let replicaSets = ResourceKind(group: "apps", version: "v1", plural: "replicasets", kind: "ReplicaSet", shortNames: ["rs"])
}

extension ReplicaSet: KubeResource {
    package static var resource: ResourceKind { .replicaSets }}

extension ClusterSnapshot {
    package var replicaSets: [ReplicaSet] {
        get { self[ReplicaSet.self] }
        _modify { yield &self[ReplicaSet.self] }
    }
}
