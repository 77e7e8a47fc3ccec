import Foundation

/// Everything the fake cluster knows: the stored objects and what its controllers remember.
struct ClusterState: Sendable {
    var store = ObjectStore()
    /// Keyed by `namespace/deployment`; absent means healthy.
    var behaviours: [String: FakeCluster.PodBehaviour] = [:]
    /// When the fake first saw each pod (by uid): the clock `readyAfter` counts from.
    var podStarts: [String: ContinuousClock.Instant] = [:]
    /// Kubelet events already emitted (`uid|reason|message`), so reconciling does not repeat them.
    var reportedEvents: Set<String> = []
    var hooks: [RequestHook] = []
    var stopped = false

    /// Runs once before the next request with this method and path.
    struct RequestHook: Sendable {
        let method: String
        let path: String
        let action: @Sendable () -> Void
    }

    /// `2026-11-21T19:36:12Z`: the API server's timestamp format.
    static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(.iso8601)
    }

    /// Creates or updates, whichever applies; returns the stored object.
    @discardableResult
    mutating func write(_ object: JSONValue, at key: ObjectKey) -> JSONValue {
        store[key] == nil ? store.create(object, at: key, now: Self.timestamp()) : store.update(object, at: key)
    }
}

/// The cluster state behind a lock whose condition wakes watches and the controller's timer
/// whenever something was written.
final class SharedClusterState: @unchecked Sendable {
    // Invariant: `state` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var state = ClusterState()

    func withLock<T, E: Error>(_ body: (inout ClusterState) throws(E) -> T) throws(E) -> T {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        return try body(&state)
    }

    /// Calls `poll` now and after every change until it returns a value or `deadline` passes.
    func wait<T>(until deadline: Date, _ poll: (inout ClusterState) -> T?) -> T? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result = poll(&state) { return result }
            guard condition.wait(until: deadline) else { return poll(&state) }
        }
    }
}
