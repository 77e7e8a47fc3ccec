/// core/v1, cluster-scoped: a volume and the claim it is bound to.
package struct PersistentVolume: Decodable, Sendable {
    package struct Spec: Decodable, Sendable {
        package var claimRef: ObjectReference?
        /// Retain, Delete (or the deprecated Recycle).
        package var persistentVolumeReclaimPolicy: String?
        package var storageClassName: String?
    }

    package struct Status: Decodable, Sendable {
        /// Pending, Available, Bound, Released or Failed.
        package var phase: String?
        package var message: String?
        package var reason: String?
        package var lastPhaseTransitionTime: Timestamp?
    }

    package var metadata: ObjectMeta
    package var spec: Spec?
    package var status: Status?
}

extension ResourceKind {
    package static let persistentVolumes = ResourceKind(group: "", version: "v1", plural: "persistentvolumes", kind: "PersistentVolume", namespaced: false, shortNames: ["pv"])
}

extension PersistentVolume: KubeResource {
    package static var resource: ResourceKind { .persistentVolumes }
}

extension ClusterSnapshot {
    package var persistentVolumes: [PersistentVolume] {
        get { self[PersistentVolume.self] }
        _modify { yield &self[PersistentVolume.self] }
    }
}
