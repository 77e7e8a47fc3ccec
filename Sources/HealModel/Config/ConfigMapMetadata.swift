/// core/v1 ConfigMap as PartialObjectMetadata: which ConfigMaps exist and, from managedFields,
/// when each last changed. Its data is not read: a timeline needs when, not what.
package struct ConfigMapMetadata: Decodable, Sendable {
    package var metadata: ObjectMeta
    package var writes: [ManagedWrite]

    package init(from decoder: any Decoder) throws {
        (metadata, writes) = try ManagedWrites.decode(from: decoder)
    }
}

extension ResourceKind {
    package static let configMaps = ResourceKind(
        group: "", version: "v1", plural: "configmaps", kind: "ConfigMap", statusSubresource: false, shortNames: ["cm"], metadataOnly: true)
}

extension ConfigMapMetadata: KubeResource {
    package static var resource: ResourceKind { .configMaps }
}

extension ClusterSnapshot {
    package var configMaps: [ConfigMapMetadata] {
        get { self[ConfigMapMetadata.self] }
        _modify { yield &self[ConfigMapMetadata.self] }
    }
}
