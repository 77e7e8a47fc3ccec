package struct EndpointSlice: Decodable, Sendable {
    package struct Endpoint: Decodable, Sendable {
        package struct Conditions: Decodable, Sendable {
            package var ready: Bool?
            package var serving: Bool?
            package var terminating: Bool?
        }

        @DefaultEmpty package var addresses: [String]
        package var conditions: Conditions?
        package var targetRef: ObjectReference?
        package var nodeName: String?

        /// The API says a nil `ready` means ready.
        package var isReady: Bool { conditions?.ready ?? true }
    }

    package struct Port: Decodable, Sendable {
        package var name: String?
        package var port: Int?
        package var `protocol`: String?
    }

    package var metadata: ObjectMeta
    package var addressType: String?
    @DefaultEmpty package var endpoints: [Endpoint]
    @DefaultEmpty package var ports: [Port]

    /// The Service this slice belongs to (label `kubernetes.io/service-name`).
    package var serviceName: String? {
        metadata.labels["kubernetes.io/service-name"]
    }
}

extension ResourceKind {
    package static let endpointSlices = ResourceKind(group: "discovery.k8s.io", version: "v1", plural: "endpointslices", kind: "EndpointSlice", statusSubresource: false)
}

extension EndpointSlice: KubeResource {
    package static var resource: ResourceKind { .endpointSlices }}

extension ClusterSnapshot {
    package var endpointSlices: [EndpointSlice] {
        get { self[EndpointSlice.self] }
        _modify { yield &self[EndpointSlice.self] }
    }
}
