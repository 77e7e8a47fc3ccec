/// core/v1 Secret as PartialObjectMetadata: its name and labels tell which Secrets exist, its
/// managedFields when it last changed. Its `data` is never asked for
/// (`ResourceKind.readsMetadataOnly`), and this model has no place for it even when a snapshot
/// file holds whole Secrets.
package struct SecretMetadata: Decodable, Sendable {
    package var metadata: ObjectMeta
    package var writes: [ManagedWrite]

    package init(from decoder: any Decoder) throws {
        (metadata, writes) = try ManagedWrites.decode(from: decoder)
    }
}

extension ResourceKind {
    package static let secrets = ResourceKind(group: "", version: "v1", plural: "secrets", kind: "Secret", statusSubresource: false, metadataOnly: true)
}

extension SecretMetadata: KubeResource {
    package static var resource: ResourceKind { .secrets }
}

extension ClusterSnapshot {
    package var secrets: [SecretMetadata] {
        get { self[SecretMetadata.self] }
        _modify { yield &self[SecretMetadata.self] }
    }
}
