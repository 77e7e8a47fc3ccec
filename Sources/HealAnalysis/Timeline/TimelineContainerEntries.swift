import HealModel

/// What the pods' status says of their containers' past: the last termination of each, and for
/// one that keeps restarting, its crash loop folded into one entry ("crashed 14 times between A
/// and B, every ~5m (back-off)"). The API keeps only the last termination, so a crash loop's
/// first crash is dated by the kubelet's first BackOff Event, else the pod's start.
enum TimelineContainerEntries {
    /// Restarts from which a container is a crash loop rather than a container that stopped.
    static let loopRestarts = 2

    static func entries(_ pods: [Pod], events: [Event]) -> [TimelineEntry] {
        pods.flatMap { pod -> [TimelineEntry] in
            (pod.status.initContainerStatuses + pod.status.containerStatuses).flatMap { status -> [TimelineEntry] in
                entries(for: status, in: pod, events: events)
            }
        }
    }

    private static func entries(for status: ContainerStatus, in pod: Pod, events: [Event]) -> [TimelineEntry] {
        let terminated = status.lastState?.terminated ?? status.state?.terminated
        guard let terminated, let finished = terminated.finishedAt else { return [] }
        let failed = terminated.exitCode != 0 || terminated.reason == "OOMKilled"
        let exit = "exit code \(terminated.exitCode)\(terminated.reason.map { " (\($0))" } ?? "")"
        let container = "container \(status.name) of pod \(pod.metadata.name)"
        let evidence = ["status.containerStatuses[\(status.name)].lastState.terminated: \(exit), finishedAt \(finished)"]
        let restarts = status.restartCount ?? 0
        guard restarts >= loopRestarts else {
            let ran = terminated.startedAt.map { " after running \(DurationText.format(seconds: finished.seconds(since: $0)))" } ?? ""
            return [TimelineEntry(
                time: finished, kind: .termination, object: pod.ref, title: "container \(status.name) stopped (\(exit))",
                sentence: "\(container) stopped: \(exit)\(ran).",
                evidence: evidence, isFailure: failed)]
        }
        let backOffs = events.filter { event in
            event.reason == "BackOff" && event.regarding.name == pod.metadata.name && event.regarding.namespace == pod.metadata.namespace
                && (event.regarding.fieldPath?.contains("{\(status.name)}") ?? true)
        }
        let firstBackOff = backOffs.compactMap { $0.firstSeen ?? $0.lastSeen }.min()
        // The first run lasted about as long as the last one; the first back-off follows the first crash.
        let run = terminated.startedAt.map { finished.seconds(since: $0) } ?? 0
        let estimate = (pod.status.startTime ?? pod.metadata.creationTimestamp)?.adding(seconds: run)
        let first = [estimate, firstBackOff, finished].compactMap { $0 }.min() ?? finished
        let every = restarts > 1 ? finished.seconds(since: first) / Double(restarts - 1) : 0
        return [
            TimelineEntry(
                time: first, kind: .termination, object: pod.ref, title: "container \(status.name) crashed (\(exit))",
                sentence: "\(container) crashed for the first time (the last crash: \(exit)).",
                evidence: evidence, isFailure: failed),
            TimelineEntry(
                time: first, until: finished, count: restarts, kind: .crashLoop, object: pod.ref, title: "crash loop of container \(status.name)",
                sentence: "\(container) crashed \(restarts) times between \(TimelineText.clock(first)) and \(TimelineText.clock(finished))"
                    + (every >= 1 ? ", every ~\(DurationText.format(seconds: every)) (back-off)." : "."),
                evidence: ["status.containerStatuses[\(status.name)].restartCount: \(restarts)"] + (firstBackOff.map { ["first BackOff Event at \($0)"] } ?? []),
                isFailure: failed),
        ]
    }
}
