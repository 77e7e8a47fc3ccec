import HealModel

/// One cluster of a timeline over several: its own verdict and first failure, or the error that
/// kept it out (also in the timeline's `errors`).
package struct ClusterVerdict: Sendable, Encodable {
    package var context: String
    package var verdict: String?
    package var firstFailure: Timestamp?
    package var error: UnreadableResource?
}

extension Timeline {
    /// Several clusters' timelines of the same target as one: the entries interleaved in time
    /// (each tagged with its context), so a rollout that reached one region before another
    /// reads in order. The first failure and its triggers are those of the cluster that failed
    /// first; every cluster's own verdict is in `clusters`, in the order asked for (`order`).
    package static func fleet(
        _ members: [(context: String, timeline: Timeline)], failures: [UnreadableResource], order: [String], target: ResourceRef?, namespace: String?,
        since: Timestamp, until: Timestamp
    ) -> Timeline {
        var tagged: [(entry: TimelineEntry, member: Int, position: Int)] = []
        for (rank, member) in members.enumerated() {
            for (position, entry) in member.timeline.entries.inCluster(member.context).enumerated() {
                tagged.append((entry, rank, position))
            }
        }
        tagged.sort { ($0.entry.time, $0.member, $0.position) < ($1.entry.time, $1.member, $1.position) }
        let index = Dictionary(uniqueKeysWithValues: tagged.enumerated().map { (Pair($1.member, $1.position), $0) })
        let failed = members.indices
            .compactMap { rank in members[rank].timeline.firstFailure.map { (rank: rank, time: members[rank].timeline.entries[$0].time) } }
            .min { ($0.time, $0.rank) < ($1.time, $1.rank) }
        var timeline = Timeline(
            target: target, namespace: namespace, since: since, until: until, entries: tagged.map(\.entry), firstFailure: nil, triggers: [],
            verdict: members.isEmpty ? "No cluster could be read." : "No failure in the window in any of the \(members.count) clusters read.",
            coverage: members.flatMap { member in
                member.timeline.coverage.map { Coverage(source: "[\(member.context)] \($0.source)", from: $0.from, note: $0.note) }
            })
        if let failed {
            let first = members[failed.rank].timeline
            timeline.firstFailure = first.firstFailure.flatMap { index[Pair(failed.rank, $0)] }
            timeline.triggers = first.triggers.compactMap { trigger in
                index[Pair(failed.rank, trigger.entry)].map { Trigger(entry: $0, rank: trigger.rank, secondsBefore: trigger.secondsBefore, reason: trigger.reason) }
            }
            timeline.verdict = "[\(members[failed.rank].context)] failed first. \(first.verdict)"
        }
        timeline.clusters = order.map { context in
            let member = members.first { $0.context == context }?.timeline
            return ClusterVerdict(
                context: context, verdict: member?.verdict, firstFailure: member.flatMap { own in own.firstFailure.map { own.entries[$0].time } },
                error: failures.first { $0.cluster == context })
        }
        timeline.errors = failures
        return timeline
    }

    private struct Pair: Hashable {
        var member: Int
        var position: Int
        init(_ member: Int, _ position: Int) { (self.member, self.position) = (member, position) }
    }
}
