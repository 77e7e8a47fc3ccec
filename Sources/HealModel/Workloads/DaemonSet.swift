package struct DaemonSet: Decodable, Sendable {
    package struct Spec: Decodable, Sendable {
        package var selector: LabelSelector?
        package var template: PodTemplate?
    }

    package struct Status: Decodable, Sendable {
        package var desiredNumberScheduled: Int?
        package var currentNumberScheduled: Int?
        package var numberReady: Int?
        package var numberAvailable: Int?
        package var numberUnavailable: Int?
        package var numberMisscheduled: Int?
        package var updatedNumberScheduled: Int?
    }

    package var metadata: ObjectMeta
    package var spec: Spec
    package var status: Status?
}

extension ResourceKind {
    package static let daemonSets = ResourceKind(group: "apps", version: "v1", plural: "daemonsets", kind: "DaemonSet", shortNames: ["ds"])
}

extension DaemonSet: KubeResource {
    package static var resource: ResourceKind { .daemonSets }}

extension ClusterSnapshot {
    package var daemonSets: [DaemonSet] {
        get { self[DaemonSet.self] }
        _modify { yield &self[DaemonSet.self] }
    }
}
