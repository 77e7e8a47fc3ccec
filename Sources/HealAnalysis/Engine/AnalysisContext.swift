import HealModel

/// What every analyzer receives: the snapshot, lookups built once over it, and "now".
package struct AnalysisContext: Sendable {
    package let snapshot: ClusterSnapshot
    package let index: SnapshotIndex
    package let now: Timestamp

    package init(snapshot: ClusterSnapshot, now: Timestamp) {
        self.snapshot = snapshot
        self.index = SnapshotIndex(snapshot)
        self.now = now
    }

    /// Seconds from `time` to now, if `time` is known.
    package func age(since time: Timestamp?) -> Double? {
        time.map { max(0, now.seconds(since: $0)) }
    }
}
