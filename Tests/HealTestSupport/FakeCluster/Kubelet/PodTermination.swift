import Foundation
import HealModel

/// Graceful pod deletion, as the API server and the kubelet do it: a deleted pod first gets
/// `metadata.deletionTimestamp` (now + grace) and `deletionGracePeriodSeconds` and stays listed
/// (a MODIFIED event) while its containers stop; once the grace is over the kubelet reports
/// them killed (grace 0, as captured) and the pod goes (DELETED). Meanwhile it counts for no
/// status, is not endpoint-ready and is replaced at once by its ReplicaSet.
enum PodTermination {
    struct Grace: Sendable {
        let key: ObjectKey
        let until: ContinuousClock.Instant
    }

    static func isTerminating(_ pod: JSONValue) -> Bool {
        pod.value(at: ["metadata", "deletionTimestamp"]) != nil
    }

    /// Starts deleting `pod`; without a grace period (`.instant` timing) it is gone at once.
    /// Returns the pod as the DELETE answers it.
    @discardableResult
    static func begin(_ pod: JSONValue, at key: ObjectKey, in state: inout ClusterState) -> JSONValue {
        let grace = state.timing.terminationGrace
        guard grace > .zero else {
            state.forget(pod: pod.uid)
            return state.store.delete(key) ?? pod
        }
        let seconds = grace.seconds
        let stored = state.store.update(
            pod.setting(path: ["metadata", "deletionTimestamp"], to: .string(state.timestamp(after: seconds)))
                .setting(path: ["metadata", "deletionGracePeriodSeconds"], to: .int(Int(seconds.rounded(.up)))),
            at: key)
        state.forget(pod: pod.uid)
        state.terminating[pod.uid] = Grace(key: key, until: state.now + grace)
        return stored
    }

    /// Whether some pod's grace is over.
    static func hasDue(in state: ClusterState) -> Bool {
        let now = state.now
        return state.terminating.values.contains { $0.until <= now }
    }

    /// Removes the pods whose grace is over.
    static func finishDue(in state: inout ClusterState) {
        let now = state.now
        for (uid, grace) in state.terminating where grace.until <= now {
            if let pod = state.store[grace.key], pod.uid == uid {
                _ = state.store.update(
                    pod.setting(path: ["metadata", "deletionTimestamp"], to: .string(state.timestampNow))
                        .setting(path: ["metadata", "deletionGracePeriodSeconds"], to: .int(0)),
                    at: grace.key)
                state.store.delete(grace.key)
            }
            state.terminating[uid] = nil
        }
    }
}
