import HealModel

/// Gives each finding the change that probably set its workload's failure off: the first-ranked
/// trigger of the workload's timeline over the last `window`. One timeline per workload.
enum FindingTrigger {
    static let window: Double = 6 * 3600
    static let kinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod"]

    static func attach(to findings: inout [Finding], snapshot: ClusterSnapshot, index: SnapshotIndex, now: Timestamp) {
        var triggers: [ResourceRef: String?] = [:]
        let events = TimelineEvents(snapshot.events)
        for position in findings.indices {
            let workload = findings[position].workload
            guard kinds.contains(workload.kind) else { continue }
            if triggers[workload] == nil {
                let timeline = TimelineBuilder.build(
                    snapshot, index: index, events: events, target: workload, namespace: workload.namespace, since: now.adding(seconds: -window), now: now)
                triggers[workload] = .some(timeline.triggers.first?.reason)
            }
            findings[position].trigger = triggers[workload] ?? nil
        }
    }
}
