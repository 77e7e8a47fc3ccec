package struct PersistentVolumeClaim: Decodable, Sendable {
    package struct Spec: Decodable, Sendable {
        package var storageClassName: String?
        package var volumeName: String?
    }

    package struct Status: Decodable, Sendable {
        package var phase: String?
    }

    package var metadata: ObjectMeta
    package var spec: Spec?
    package var status: Status?

    /// The class the binder uses: the beta annotation when set (it wins upstream), else the
    /// field; "" asks for a volume made by hand.
    package var storageClass: String? {
        metadata.annotations["volume.beta.kubernetes.io/storage-class"] ?? spec?.storageClassName
    }
}

extension ResourceKind {
    package static let persistentVolumeClaims = ResourceKind(group: "", version: "v1", plural: "persistentvolumeclaims", kind: "PersistentVolumeClaim", shortNames: ["pvc"])
}

extension PersistentVolumeClaim: KubeResource {
    package static var resource: ResourceKind { .persistentVolumeClaims }}

extension ClusterSnapshot {
    package var persistentVolumeClaims: [PersistentVolumeClaim] {
        get { self[PersistentVolumeClaim.self] }
        _modify { yield &self[PersistentVolumeClaim.self] }
    }
}
