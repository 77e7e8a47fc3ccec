package struct Node: Decodable, Sendable {
    package struct Taint: Decodable, Sendable, Hashable {
        package var key: String
        package var value: String?
        package var effect: String
    }

    package struct Spec: Decodable, Sendable {
        package var unschedulable: Bool?
        @DefaultEmpty package var taints: [Taint]
    }

    package struct Status: Decodable, Sendable {
        @DefaultEmpty package var conditions: [Condition]
        @DefaultEmpty package var allocatable: [String: Quantity]
        @DefaultEmpty package var capacity: [String: Quantity]
    }

    package var metadata: ObjectMeta
    package var spec: Spec?
    package var status: Status?
}
