import Foundation

/// Everything the fake cluster knows: the stored objects and what its controllers remember.
struct ClusterState: Sendable {
    var store = ObjectStore()
    var timing = FakeCluster.Timing.realistic
    /// When the next controller round is due (a write happened, or the last round changed
    /// something); nil when none is scheduled. Never set with `.instant` timing.
    var roundDue: ContinuousClock.Instant?
    /// Whether the controller thread is between the phases of a round.
    var roundRunning = false
    /// Set while the API server is stopped: the controllers, its clients, pause.
    var apiServerDown = false
    /// Keyed by `namespace/deployment`; absent means the pods follow their spec.
    var behaviours: [String: FakeCluster.PodBehaviour] = [:]
    /// What each Deployment's program needs (`namespace/deployment`); absent means nothing.
    var needs: [String: WorkloadNeeds] = [:]
    var registry = ImageRegistry.standard
    /// Whether the kubelet runs seeded pods too (`agenticDemo`), not only those the fake created.
    var adoptsSeededPods = false
    /// When the fake first saw each pod (by uid): the clock `readyAfter` counts from.
    var podStarts: [String: ContinuousClock.Instant] = [:]
    /// Pods (by uid) created but not yet started by the kubelet (`Timing.podStartDelay`).
    var starting: Set<String> = []
    /// Pods (by uid) deleted gracefully and still listed until their grace ends.
    var terminating: [String: PodTermination.Grace] = [:]
    /// The kubelet's back-off clocks, by pod uid.
    var kubeletClocks: [String: KubeletClocks] = [:]
    /// When each pod's status changes next without a write (its start, a restart, the end of a
    /// back-off, `readyAfter`), by uid: what the controller's timer waits for.
    var wakeUps: [String: ContinuousClock.Instant] = [:]
    /// Pods created per ReplicaSet uid, so a replacement gets a name never used before.
    var createdPods: [String: Int] = [:]
    /// Events the kubelet and the controllers already emitted (`uid|reason|message`) and where,
    /// so reconciling does not repeat them but can count a repeat (`recordEvent`).
    var reportedEvents: [String: ObjectKey] = [:]
    /// Bumped whenever something every pod's status may depend on changes (the registry, the
    /// clock), so the kubelet can skip pods whose inputs are as when it last synced them.
    var kubeletEpoch = 0
    /// Per pod uid: its resourceVersion after the kubelet's last sync, and what it synced against.
    var kubeletSynced: [String: KubeletSync] = [:]
    /// How far `advanceClock(by:)` has moved the cluster's clock ahead of the real one.
    var clockOffset: Duration = .zero
    var hooks: [RequestHook] = []
    var metricsServer = FakeMetricsServer()
    /// What answers behind the service proxy, by `namespace/service` (`setServiceProxy`).
    var upstreams: [String: ServiceProxy.Upstream] = [:]
    var stopped = false

    /// Runs once before the next request with this method and path.
    struct RequestHook: Sendable {
        let method: String
        let path: String
        let action: @Sendable () -> Void
    }

    /// The cluster's clock: real time plus what tests skipped with `advanceClock(by:)`.
    var now: ContinuousClock.Instant { .now + clockOffset }

    /// `now` as the API server writes times.
    var timestampNow: String { timestamp(after: 0) }

    /// Forgets what the controllers kept about a pod that is gone.
    mutating func forget(pod uid: String) {
        podStarts[uid] = nil
        kubeletClocks[uid] = nil
        wakeUps[uid] = nil
        kubeletSynced[uid] = nil
        starting.remove(uid)
        terminating[uid] = nil
    }

    /// Notes a pod the fake just created: the kubelet runs it, after `podStartDelay`.
    mutating func noteCreated(pod uid: String) {
        podStarts[uid] = now
        starting.insert(uid)
    }

    /// What follows a write: with `.instant` timing the controllers settle now; otherwise a
    /// round is scheduled `reactionDelay` from now for the controller thread.
    mutating func react() {
        if timing.isInstant {
            ClusterController.reconcile(&self)
        } else {
            scheduleRound(after: timing.reactionDelay)
        }
    }

    mutating func scheduleRound(after delay: Duration) {
        roundDue = min(roundDue ?? now + delay, now + delay)
    }

    /// Settles the controllers now whatever the timing (seeding: a loaded cluster starts out
    /// settled, as one captured from a real cluster is).
    mutating func reconcileInstantly() {
        let timing = self.timing
        self.timing = .instant
        ClusterController.reconcile(&self)
        self.timing = timing
    }

    /// No round pending or running and no pod starting or terminating; crash-loop back-offs,
    /// which never end, do not count.
    var isSettled: Bool {
        roundDue == nil && !roundRunning && starting.isEmpty && terminating.isEmpty
    }

    /// `seconds` after `now`, as the API server writes times.
    func timestamp(after seconds: Double) -> String {
        Self.timestamp(Date().addingTimeInterval(Double(clockOffset.components.seconds) + seconds))
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
