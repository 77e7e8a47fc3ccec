import HealModel

/// Builds a workload's (or a namespace's) timeline from what a snapshot holds: its Events, its
/// pods' container terminations, its Deployment revisions, the ConfigMaps and Secrets it reads
/// and the state of its nodes, in time order, then ranks the changes before the first failure.
package enum TimelineBuilder {
    /// The default lifetime of an Event (kube-apiserver --event-ttl).
    static let eventTTL: Double = 3600

    package static func build(_ snapshot: ClusterSnapshot, target: ResourceRef?, namespace: String?, since: Timestamp, now: Timestamp) -> Timeline {
        let lookup = TimelineIndex(snapshot, index: AnalysisContext(snapshot: snapshot, now: now).index)
        let entries = self.entries(target: target, namespace: namespace, since: since, lookup: lookup)
        let correlation = TimelineCorrelation.correlate(entries, since: since)
        return Timeline(
            target: target, namespace: namespace ?? target?.namespace, since: since, until: now, entries: entries,
            firstFailure: correlation.firstFailure, triggers: correlation.triggers, verdict: correlation.verdict,
            coverage: coverage(events: lookup.events.events(about: TimelineScope(target: target, namespace: namespace, lookup: lookup)), since: since))
    }

    /// The entries of the window, in time order; within a second, a change before what it causes.
    static func entries(target: ResourceRef?, namespace: String?, since: Timestamp, lookup: TimelineIndex) -> [TimelineEntry] {
        let scope = TimelineScope(target: target, namespace: namespace, lookup: lookup)
        let events = lookup.events.events(about: scope)
        var entries = TimelineEventEntries.entries(events, scope: scope)
            + TimelineContainerEntries.entries(scope.pods, events: lookup.events)
            + TimelineRolloutEntries.entries(scope.deployments, lookup: lookup)
            + TimelineNodeEntries.entries(scope.nodes)
            + TimelineConfigEntries.entries(
                scope.pods.map { ($0.metadata.namespace, $0.spec) } + scope.deployments.compactMap { deployment in
                    deployment.spec.template.map { (deployment.metadata.namespace, $0.spec) }
                }, lookup: lookup)
        entries = entries.filter { ($0.until ?? $0.time) >= since }
        for position in entries.indices where entries[position].workload == nil && entries[position].kind != .node && entries[position].kind != .config {
            entries[position].workload = lookup.workload(of: entries[position].object)
        }
        let order = Dictionary(uniqueKeysWithValues: TimelineEntry.Kind.allCases.enumerated().map { ($1, $0) })
        entries.sort { a, b in
            a.time != b.time ? a.time < b.time : (order[a.kind] ?? 0) < (order[b.kind] ?? 0)
        }
        return entries
    }

    /// Which source covers which span: Events expire, pod status keeps the last termination,
    /// a Deployment keeps revisionHistoryLimit ReplicaSets.
    private static func coverage(events: [Event], since: Timestamp) -> [Timeline.Coverage] {
        let oldest = events.compactMap { $0.firstSeen ?? $0.lastSeen }.min()
        var eventNote = "Events expire (after \(DurationText.format(seconds: eventTTL)) by default)"
        if let oldest, oldest > since {
            eventNote += "; the oldest here is from \(oldest), so the window's earlier part has none"
        } else if oldest == nil {
            eventNote += "; none is left about these objects"
        }
        return [
            Timeline.Coverage(source: "events", from: oldest, note: eventNote + "."),
            Timeline.Coverage(source: "pods", from: nil, note: "Pod status keeps each container's last termination and its restart count; earlier crashes are counted, not dated."),
            Timeline.Coverage(source: "replicasets", from: nil, note: "A Deployment keeps its last revisionHistoryLimit revisions (10 by default)."),
        ]
    }
}
