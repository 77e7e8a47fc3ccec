/// storage.k8s.io/v1, cluster-scoped: how volumes of a class are provisioned and bound.
package struct StorageClass: Decodable, Sendable {
    package var metadata: ObjectMeta
    package var provisioner: String?
    /// Immediate (default) or WaitForFirstConsumer.
    package var volumeBindingMode: String?

    /// Marked as the class a claim naming none gets (the GA annotation, or the beta one older
    /// installers still set).
    package var isDefault: Bool {
        ["storageclass.kubernetes.io/is-default-class", "storageclass.beta.kubernetes.io/is-default-class"]
            .contains { metadata.annotations[$0] == "true" }
    }
}

extension ResourceKind {
    package static let storageClasses = ResourceKind(group: "storage.k8s.io", version: "v1", plural: "storageclasses", kind: "StorageClass", namespaced: false, statusSubresource: false, shortNames: ["sc"])
}

extension StorageClass: KubeResource {
    package static var resource: ResourceKind { .storageClasses }
}

extension ClusterSnapshot {
    package var storageClasses: [StorageClass] {
        get { self[StorageClass.self] }
        _modify { yield &self[StorageClass.self] }
    }
}
