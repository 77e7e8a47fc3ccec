package struct Node: Decodable, Sendable {
    package struct Taint: Decodable, Sendable, Hashable {
        package var key: String
        package var value: String?
        package var effect: String
        package var timeAdded: Timestamp?

        package init(key: String, value: String?, effect: String, timeAdded: Timestamp? = nil) {
            self.key = key
            self.value = value
            self.effect = effect
            self.timeAdded = timeAdded
        }
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

extension ResourceKind {
    package static let nodes = ResourceKind(group: "", version: "v1", plural: "nodes", kind: "Node", namespaced: false, shortNames: ["no"])
}

extension Node: KubeResource {
    package static var resource: ResourceKind { .nodes }}

extension ClusterSnapshot {
    package var nodes: [Node] {
        get { self[Node.self] }
        _modify { yield &self[Node.self] }
    }
}
