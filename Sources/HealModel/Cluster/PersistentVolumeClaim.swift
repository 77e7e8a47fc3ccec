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
}
