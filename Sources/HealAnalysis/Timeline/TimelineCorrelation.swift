import HealModel

/// Which changes probably set off the first failure in the window: changes within `lookback`
/// before it, of the failing workload or shared by all (a node); a new revision, a changed
/// ConfigMap or Secret or a fix kubectl-heal left live first, then a node's state, then
/// scaling; among equals, the nearest. When none precedes it, that is said too: the workload
/// failed from its start, or the cause is outside what the cluster's objects record.
enum TimelineCorrelation {
    /// How far before the first failure a change still counts as its trigger.
    static let lookback: Double = 3600
    static let maximumTriggers = 3
    /// A failure this soon after the oldest revision kept is the revision's own.
    static let startupFailure: Double = 600

    static func weight(of kind: TimelineEntry.Kind) -> Int {
        switch kind {
        case .rollout, .config, .heal: 3
        case .node: 2
        case .scaling: 1
        default: 0
        }
    }

    /// The first failure in the window (one still going on when the window starts counts) and
    /// the changes ranked before it.
    static func correlate(_ entries: [TimelineEntry], since: Timestamp) -> (firstFailure: Int?, triggers: [Timeline.Trigger], verdict: String) {
        guard let first = entries.indices.first(where: { entries[$0].isFailure && (entries[$0].until ?? entries[$0].time) >= since }) else {
            return (nil, [], "No failure in the window.")
        }
        let (triggers, verdict) = rank(entries, before: entries[first])
        return (first, triggers, verdict)
    }

    /// The changes ranked before `failure`, and the sentence that says what they mean.
    static func rank(_ entries: [TimelineEntry], before failure: TimelineEntry) -> (triggers: [Timeline.Trigger], verdict: String) {
        let candidates = entries.indices.filter { index in
            let entry = entries[index]
            let before = failure.time.seconds(since: entry.time)
            return entry.isChange && before >= 0 && before <= lookback && (entry.workload == nil || entry.workload == failure.workload)
        }.sorted { left, right in
            let (a, b) = (entries[left], entries[right])
            return weight(of: a.kind) != weight(of: b.kind) ? weight(of: a.kind) > weight(of: b.kind) : a.time > b.time
        }.prefix(maximumTriggers)
        let failureText = "the first failure — \(failure.title) —"
        let triggers = candidates.enumerated().map { rank, index in
            let change = entries[index]
            let gap = failure.time.seconds(since: change.time)
            return Timeline.Trigger(
                entry: index, rank: rank + 1, secondsBefore: gap,
                reason: "\(Wording.clause(change.sentence)) at \(TimelineText.clock(change.time)); \(failureText) followed \(gap < 1 ? "at once" : "\(DurationText.format(seconds: gap)) later").")
        }
        if let top = triggers.first { return (triggers, "Probable trigger: \(top.reason)") }
        let head = "No change in the window precedes \(failureText) at \(TimelineText.clock(failure.time))"
        guard let start = entries.last(where: { $0.kind == .rollout && $0.time <= failure.time && ($0.workload == nil || $0.workload == failure.workload) }) else {
            return ([], head + ": nothing the cluster records changed before it, so look outside it (the application's own state, a dependency, the image's contents, load).")
        }
        let ran = failure.time.seconds(since: start.time)
        if ran <= startupFailure {
            return ([], head + ": it came \(ran < 1 ? "as soon as" : "\(DurationText.format(seconds: ran)) after") \(start.title) started, the oldest revision kept, so the workload has failed from its start: its own image or configuration is the likely cause.")
        }
        return ([], head + ": the workload had run unchanged for \(DurationText.format(seconds: ran)) since \(start.title), so look outside what the cluster records (the application's own state, a dependency, the image's contents, load).")
    }
}
