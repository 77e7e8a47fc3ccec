/// The condition shape shared by pods, nodes, workloads, HPAs and PVCs; each kind reads the
/// time fields it has.
package struct Condition: Decodable, Sendable, Hashable {
    package var type: String
    package var status: String
    package var reason: String?
    package var message: String?
    package var lastTransitionTime: Timestamp?
    package var lastUpdateTime: Timestamp?
    package var lastHeartbeatTime: Timestamp?
    package var lastProbeTime: Timestamp?

    package var isTrue: Bool { status == "True" }
    package var isFalse: Bool { status == "False" }
}

extension Array where Element == Condition {
    package subscript(type: String) -> Condition? {
        first { $0.type == type }
    }
}
