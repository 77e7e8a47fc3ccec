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
