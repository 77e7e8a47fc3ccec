import HealModel

/// What the pods' status says of their containers' past: the last termination of each, and for
/// one that keeps restarting, its crash loop folded into one entry ("crashed 14 times between A
/// and B, every ~5m (back-off)"). The API keeps only the last termination, so a crash loop's
/// first crash is counted back from it through the kubelet's back-off (or the first BackOff
/// Event, if earlier).
enum TimelineContainerEntries {
    /// Restarts from which a container is a crash loop rather than a container that stopped.
    static let loopRestarts = 2

    /// Up to this interval between crashes, the kubelet's back-off (10 s, doubling, capped at 5
    /// minutes) explains the rhythm; a longer one is the program's own.
    static let backOffCap: Double = 300
    static let backOffStart: Double = 10

    static func entries(_ pods: [Pod], events: TimelineEvents) -> [TimelineEntry] {
        pods.flatMap { pod -> [TimelineEntry] in
            let backOffs = events.events(about: pod.ref).filter { $0.reason == "BackOff" }
            return (pod.status.initContainerStatuses + pod.status.containerStatuses).flatMap { status -> [TimelineEntry] in
                entries(for: status, in: pod, backOffs: backOffs)
            }
        }
    }

    private static func entries(for status: ContainerStatus, in pod: Pod, backOffs podBackOffs: [Event]) -> [TimelineEntry] {
        let terminated = status.lastState?.terminated ?? status.state?.terminated
        guard let terminated, let finished = terminated.finishedAt else { return [] }
        let restarts = status.restartCount ?? 0
        // A container that keeps restarting has failed, even one that exits 0 each time.
        let failed = terminated.exitCode != 0 || terminated.reason == "OOMKilled" || restarts >= loopRestarts
        let exit = "exit code \(terminated.exitCode)\(terminated.reason.map { " (\($0))" } ?? "")"
        let container = "container \(status.name) of pod \(pod.metadata.name)"
        let evidence = ["status.containerStatuses[\(status.name)].lastState.terminated: \(exit), finishedAt \(finished)"]
        guard restarts >= loopRestarts else {
            let ran = terminated.startedAt.map { " after running \(DurationText.format(seconds: finished.seconds(since: $0)))" } ?? ""
            // Restarted after failing once: its first crash, titled as the crash loop's will be.
            let verb = failed && restarts > 0 ? "crashed" : "stopped"
            return [TimelineEntry(
                time: finished, kind: .termination, object: pod.ref, title: "container \(status.name) \(verb) with \(exit)",
                sentence: "\(container) \(verb): \(exit)\(ran).",
                evidence: evidence, isFailure: failed,
                // A failure is the container's first crash however it is worded later.
                key: failed ? firstCrashKey(pod, status) : "stop|\(pod.ref)|\(status.name)|\(finished)")]
        }
        let backOffs = podBackOffs.filter { $0.regarding.fieldPath?.contains("{\(status.name)}") ?? true }
        let firstBackOff = backOffs.compactMap { $0.firstSeen ?? $0.lastSeen }.min()
        // Waiting in back-off, the last crash has not been restarted yet: one more crash than restarts.
        let crashes = restarts + (status.state?.waiting != nil ? 1 : 0)
        // Counted back from the last crash: each run lasted about as long as the last one, and
        // before each restart the kubelet waited its back-off. Not before the pod started, and
        // not after the first BackOff Event, which follows the first crash.
        let run = terminated.startedAt.map { finished.seconds(since: $0) } ?? 0
        var first = finished.adding(seconds: -Self.backOffs(before: crashes) - Double(crashes - 1) * run)
        if let started = pod.status.startTime ?? pod.metadata.creationTimestamp, first < started { first = min(started.adding(seconds: run), finished) }
        if let firstBackOff, firstBackOff < first { first = firstBackOff }
        let every = crashes > 1 ? finished.seconds(since: first) / Double(crashes - 1) : 0
        return [
            TimelineEntry(
                time: first, kind: .termination, object: pod.ref, title: "container \(status.name) crashed with \(exit)",
                sentence: "\(container) crashed for the first time (the last crash: \(exit)).",
                evidence: evidence, isFailure: failed, key: firstCrashKey(pod, status)),
            TimelineEntry(
                time: first, until: finished, count: crashes, kind: .crashLoop, object: pod.ref, title: "crash loop of container \(status.name)",
                sentence: "\(container) crashed \(crashes) times between \(TimelineText.clock(first)) and \(TimelineText.clock(finished, sameDayAs: first))"
                    + (every >= 1 ? ", every ~\(DurationText.format(seconds: every))\(every <= backOffCap ? " (back-off)" : "")." : "."),
                evidence: ["status.containerStatuses[\(status.name)].restartCount: \(restarts)"] + (firstBackOff.map { ["first BackOff Event at \($0)"] } ?? []),
                isFailure: failed, key: "loop|\(pod.ref)|\(status.name)"),
        ]
    }

    private static func firstCrashKey(_ pod: Pod, _ status: ContainerStatus) -> String {
        "first-crash|\(pod.ref)|\(status.name)"
    }

    /// What the kubelet waited between `crashes` crashes: it restarts after the first at once,
    /// then waits 10 s, doubling up to 5 minutes.
    static func backOffs(before crashes: Int) -> Double {
        let waits = max(0, crashes - 2)
        let doubling = min(waits, 5)
        return backOffStart * Double((1 << doubling) - 1) + Double(waits - doubling) * backOffCap
    }
}
