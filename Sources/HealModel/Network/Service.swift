package struct Service: Decodable, Sendable {
    package struct Port: Decodable, Sendable, Hashable {
        package var name: String?
        package var port: Int
        /// Absent means "same as `port`".
        package var targetPort: IntOrString?
        package var `protocol`: String?
    }

    package struct Spec: Decodable, Sendable {
        package var type: String?
        /// Absent or empty for Services whose endpoints are managed by hand.
        @DefaultEmpty package var selector: [String: String]
        @DefaultEmpty package var ports: [Port]
        package var clusterIP: String?
        package var externalName: String?
    }

    package var metadata: ObjectMeta
    package var spec: Spec
}

extension ResourceKind {
    package static let services = ResourceKind(group: "", version: "v1", plural: "services", kind: "Service", shortNames: ["svc"])
}

extension Service: KubeResource {
    package static var resource: ResourceKind { .services }}

extension ClusterSnapshot {
    package var services: [Service] {
        get { self[Service.self] }
        _modify { yield &self[Service.self] }
    }
}
