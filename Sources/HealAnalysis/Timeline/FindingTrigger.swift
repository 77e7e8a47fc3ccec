import HealModel

/// Gives each finding the change that probably set it off: from its workload's timeline, the
/// first-ranked change in the hour before the finding began (its `since`; else the workload's
/// first failure). The lookups are built once per diagnosis; the trigger text is scrubbed like
/// every other text of a finding.
enum FindingTrigger {
    static let window: Double = 6 * 3600
    static let kinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod"]

    static func attach(to findings: inout [Finding], snapshot: ClusterSnapshot, index: SnapshotIndex, now: Timestamp) {
        let lookup = TimelineIndex(snapshot, index: index)
        // One workload at a time: its entries are dropped before the next is built, so a mass
        // failure's thousands of timelines are never held at once.
        let byWorkload = Dictionary(grouping: findings.indices.filter { kinds.contains(findings[$0].workload.kind) }) { findings[$0].workload }
        for (workload, positions) in byWorkload {
            let scope = TimelineScope(target: workload, namespace: workload.namespace, lookup: lookup)
            let entries = TimelineBuilder.entries(scope: scope, since: now.adding(seconds: -window), now: now, lookup: lookup)
            for position in positions {
                let failure: TimelineEntry? = findings[position].since.map {
                    TimelineEntry(time: $0, kind: .event, object: workload, workload: workload, title: findings[position].symptom, sentence: "", isFailure: true)
                } ?? entries.first { $0.isFailure }
                guard let failure, let reason = TimelineCorrelation.rank(entries, before: failure).triggers.first?.reason else { continue }
                findings[position].trigger = SecretScrubber.scrub(reason)
            }
        }
    }
}
