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

extension ResourceKind {
    package static let deployments = ResourceKind(group: "apps", version: "v1", plural: "deployments", kind: "Deployment", shortNames: ["deploy"])
}

extension Deployment: KubeResource {
    package static var resource: ResourceKind { .deployments }}

extension ClusterSnapshot {
    package var deployments: [Deployment] {
        get { self[Deployment.self] }
        _modify { yield &self[Deployment.self] }
    }
}
