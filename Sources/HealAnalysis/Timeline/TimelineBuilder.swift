import HealModel

/// Builds a workload's (or a namespace's) timeline from what a snapshot holds: its Events, its
/// pods' container terminations, its Deployment revisions, the ConfigMaps and Secrets it reads,
/// its HPAs' status and the state of its nodes, with what was recorded elsewhere (kubectl-heal's
/// own actions, what a watch saw), in time order, then ranks the changes before the first failure.
package enum TimelineBuilder {
    /// The default lifetime of an Event (kube-apiserver --event-ttl).
    static let eventTTL: Double = 3600

    /// Entries kept outside the cluster's objects, each with its `workload` set (those of
    /// workloads the timeline does not follow are left out), and what their source covers.
    package struct Recorded: Sendable {
        package var entries: [TimelineEntry]
        package var coverage: [Timeline.Coverage]

        package init(entries: [TimelineEntry] = [], coverage: [Timeline.Coverage] = []) {
            self.entries = entries
            self.coverage = coverage
        }
    }

    /// One snapshot's lookups and what the timeline follows in it, made once for all that is
    /// read from that moment: a watch's sample, then the timeline.
    package struct Moment {
        let lookup: TimelineIndex
        let scope: TimelineScope
        let now: Timestamp

        package init(_ snapshot: ClusterSnapshot, target: ResourceRef?, namespace: String?, now: Timestamp) {
            lookup = TimelineIndex(snapshot, index: AnalysisContext(snapshot: snapshot, now: now).index)
            scope = TimelineScope(target: target, namespace: namespace, lookup: lookup)
            self.now = now
        }

        /// What no object keeps a history of: the Services' endpoints, the HPAs' replicas.
        package var sample: TimelineSample { TimelineSample(scope: scope, lookup: lookup) }

        package func timeline(since: Timestamp, recorded: Recorded = Recorded()) -> Timeline {
            let entries = TimelineBuilder.entries(scope: scope, since: since, now: now, lookup: lookup, recorded: recorded.entries)
            let correlation = TimelineCorrelation.correlate(entries, since: since)
            return Timeline(
                target: scope.target, namespace: scope.namespace ?? scope.target?.namespace, since: since, until: now, entries: entries,
                firstFailure: correlation.firstFailure, triggers: correlation.triggers, verdict: correlation.verdict,
                coverage: coverage(events: lookup.events.events(about: scope), since: since) + recorded.coverage)
        }
    }

    package static func build(
        _ snapshot: ClusterSnapshot, target: ResourceRef?, namespace: String?, since: Timestamp, now: Timestamp, recorded: Recorded = Recorded()
    ) -> Timeline {
        Moment(snapshot, target: target, namespace: namespace, now: now).timeline(since: since, recorded: recorded)
    }

    /// The entries of the window, in time order; within a second, a change before what it causes.
    static func entries(scope: TimelineScope, since: Timestamp, now: Timestamp, lookup: TimelineIndex, recorded: [TimelineEntry] = []) -> [TimelineEntry] {
        let events = lookup.events.events(about: scope)
        var entries = TimelineEventEntries.entries(events, scope: scope)
            + TimelineContainerEntries.entries(scope.pods, events: lookup.events)
            + TimelineRolloutEntries.entries(scope.deployments, lookup: lookup)
            + TimelineAutoscalerEntries.entries(scope.autoscalers, events: lookup.events, now: now)
            + TimelineNodeEntries.entries(scope.nodes)
            + recorded.filter { $0.workload.map(scope.covers) ?? false }
            + TimelineConfigEntries.entries(
                scope.pods.map { ($0.metadata.namespace, $0.spec) } + scope.deployments.compactMap { deployment in
                    deployment.spec.template.map { (deployment.metadata.namespace, $0.spec) }
                }, lookup: lookup)
        entries = entries.filter { ($0.until ?? $0.time) >= since }
        for position in entries.indices where entries[position].workload == nil && entries[position].kind != .node && entries[position].kind != .config {
            entries[position].workload = lookup.workload(of: entries[position].object)
        }
        return inTimeOrder(entries)
    }

    /// `timeline` with `kept` added — what a watch saw that the objects no longer show (a pod
    /// deleted takes its crashes with it) — in time order, with the first failure and its
    /// triggers found again.
    package static func adding(_ kept: [TimelineEntry], to timeline: Timeline) -> Timeline {
        guard !kept.isEmpty else { return timeline }
        var merged = timeline
        merged.entries = inTimeOrder(timeline.entries + kept)
        (merged.firstFailure, merged.triggers, merged.verdict) = TimelineCorrelation.correlate(merged.entries, since: timeline.since)
        return merged
    }

    /// Within a second, a change before what it causes.
    private static func inTimeOrder(_ entries: [TimelineEntry]) -> [TimelineEntry] {
        let order = Dictionary(uniqueKeysWithValues: TimelineEntry.Kind.allCases.enumerated().map { ($1, $0) })
        return entries.sorted { a, b in
            a.time != b.time ? a.time < b.time : (order[a.kind] ?? 0) < (order[b.kind] ?? 0)
        }
    }

    /// Which source covers which span: Events expire, pod status keeps the last termination,
    /// a Deployment keeps revisionHistoryLimit ReplicaSets.
    static func coverage(events: [Event], since: Timestamp) -> [Timeline.Coverage] {
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
