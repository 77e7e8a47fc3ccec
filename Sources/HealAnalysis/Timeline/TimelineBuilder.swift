import HealModel

/// Builds a workload's (or a namespace's) timeline from what a snapshot holds: its Events, its
/// pods' container terminations, its Deployment revisions, the ConfigMaps and Secrets it reads
/// and the state of its nodes, in time order, then ranks the changes before the first failure.
package enum TimelineBuilder {
    /// The default lifetime of an Event (kube-apiserver --event-ttl).
    static let eventTTL: Double = 3600

    package static func build(_ snapshot: ClusterSnapshot, target: ResourceRef?, namespace: String?, since: Timestamp, now: Timestamp) -> Timeline {
        build(
            snapshot, index: AnalysisContext(snapshot: snapshot, now: now).index, events: TimelineEvents(snapshot.events),
            target: target, namespace: namespace, since: since, now: now)
    }

    /// With the index and the Events by object that a diagnosis builds once for all its workloads.
    static func build(
        _ snapshot: ClusterSnapshot, index: SnapshotIndex, events byObject: TimelineEvents, target: ResourceRef?, namespace: String?,
        since: Timestamp, now: Timestamp
    ) -> Timeline {
        let scope = TimelineScope(snapshot: snapshot, target: target, namespace: namespace, index: index)
        let events = byObject.events(about: scope)
        var entries = TimelineEventEntries.entries(events, scope: scope)
            + TimelineContainerEntries.entries(scope.pods, events: events)
            + TimelineRolloutEntries.entries(scope.deployments, replicaSets: snapshot.replicaSets, events: events)
            + TimelineNodeEntries.entries(scope.nodes)
            + TimelineConfigEntries.entries(
                scope.pods.map { ($0.metadata.namespace, $0.spec) } + scope.deployments.compactMap { deployment in
                    deployment.spec.template.map { (deployment.metadata.namespace, $0.spec) }
                }, snapshot: snapshot)
        entries = entries.filter { ($0.until ?? $0.time) >= since }
        let order = Dictionary(uniqueKeysWithValues: TimelineEntry.Kind.allCases.enumerated().map { ($1, $0) })
        // Same second: a change before what it causes, in the order of the kinds.
        entries.sort { a, b in
            a.time != b.time ? a.time < b.time : (order[a.kind] ?? 0) < (order[b.kind] ?? 0)
        }
        let (firstFailure, triggers, verdict) = TimelineCorrelation.correlate(entries, since: since)
        return Timeline(
            target: target, namespace: namespace ?? target?.namespace, since: since, until: now, entries: entries,
            firstFailure: firstFailure, triggers: triggers, verdict: verdict, coverage: coverage(events: events, since: since))
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
