import HealModel

/// Why a container keeps exiting: killed for memory, killed by a failing liveness probe or
/// postStart hook, a cause recognised in its log, or — when nothing is recognised — its exit
/// code and last words.
struct CrashCause {
    var code: String
    var rootCause: String
    var evidence: [Evidence]
    var confidence: Double
    /// What the log named: variable names, host:port, paths.
    var subjects: [String]
}

enum CrashCauseClassifier {
    /// `finished`: the container stopped for good (a run-to-completion pod), so an unexplained
    /// exit reads "exited with", not "exits with".
    static func classify(pod: Pod, status: ContainerStatus, factory: PodFindingFactory, finished: Bool = false) -> CrashCause {
        let context = factory.context
        let terminated = status.lastState?.terminated ?? status.state?.terminated
        let container = status.name
        let restarts = status.restartCount ?? 0
        var evidence: [Evidence] = []
        if let terminated {
            evidence.append(Evidence(
                .status, "last termination: \(terminated.reason ?? "unknown reason"), exit code \(terminated.exitCode)",
                object: pod.ref, time: terminated.finishedAt))
        }
        if terminated?.reason == "OOMKilled" {
            let limit = pod.container(named: container)?.resources?.limits["memory"]
            let limitText = limit.map { " of \($0.text)" } ?? ""
            return CrashCause(
                code: "oom-killed",
                rootCause: "Container \(container) was killed for exceeding its memory limit\(limitText) (OOMKilled, exit code \(terminated?.exitCode ?? 137)) and has restarted \(Wording.count(restarts, "time")).",
                evidence: evidence, confidence: 0.95, subjects: [])
        }
        let events = factory.events(for: pod, container: container)
        let livenessKills = events.filter(isLivenessKill)
        let livenessFailures = events.filter { $0.reason == "Unhealthy" && $0.message.hasPrefix("Liveness probe failed") }
        if !livenessKills.isEmpty {
            let failure = livenessFailures.last.map { ": \(probeDetail($0.message))" } ?? ""
            let probe = pod.container(named: container)?.livenessProbe.map { " (\($0.summary))" } ?? ""
            return CrashCause(
                code: "liveness-probe-restarts",
                rootCause: "The liveness probe\(probe) fails\(failure), so the kubelet kills and restarts container \(container) (\(Wording.count(restarts, "restart"))).",
                evidence: evidence + (livenessFailures.suffix(1) + livenessKills.suffix(1)).map { Evidence.event($0, object: pod.ref) },
                confidence: 0.9, subjects: [])
        }
        // The kubelet kills a container whose postStart hook fails ("FailedPostStartHook"); its
        // event says no more than "PostStartHook failed", so that no secret leaks into it.
        // Only one seen since the last run started: an older one says nothing about this crash.
        let lastStart = terminated?.startedAt
        let hookFailures = events.filter { event in
            event.reason == "FailedPostStartHook" && (lastStart.flatMap { start in event.lastSeen.map { $0 >= start } } ?? true)
        }
        if let failure = hookFailures.last {
            return CrashCause(
                code: "post-start-hook-failed",
                rootCause: "Container \(container)'s postStart hook fails, so the kubelet kills the container right after it starts (\(Wording.count(restarts, "restart"))): \(Wording.clause(Wording.clip(failure.message, 200))).",
                evidence: evidence + [Evidence.event(failure, object: pod.ref)], confidence: 0.9, subjects: [])
        }
        let logs = context.snapshot.logs[ContainerLogKey(namespace: pod.metadata.namespace ?? "", pod: pod.metadata.name, container: container)]
        let lines = (logs?.current ?? []) + (logs?.previous ?? [])
        if let diagnosis = LogPatternLibrary.diagnose(lines) {
            let logEvidence = uniqued(diagnosis.lines).prefix(4).map { Evidence(.log, $0, object: pod.ref) }
            return CrashCause(
                code: diagnosis.code,
                rootCause: LogCauseWording.sentence(for: diagnosis, container: container, pod: pod, context: context),
                evidence: evidence + logEvidence, confidence: 0.85, subjects: diagnosis.subjects)
        }
        let exit = terminated.map { ExitCodeWording.describe($0.exitCode) } ?? "an unknown exit code"
        let lastLine = lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        if let lastLine {
            evidence.append(Evidence(.log, lastLine, object: pod.ref))
        }
        let tail = lastLine.map { "; its log ends with \"\(Wording.clip($0, 120))\"" } ?? (logs == nil ? "; no log was available" : "; its log is empty")
        return CrashCause(
            code: "crash-loop",
            rootCause: "Container \(container) \(finished ? "exited" : "exits") with \(exit)\(tail).",
            evidence: evidence, confidence: 0.5, subjects: [])
    }

    /// The kubelet's "Container app failed liveness probe, will be restarted".
    static func isLivenessKill(_ event: Event) -> Bool {
        event.reason == "Killing" && event.message.contains("liveness")
    }

    /// "HTTP probe failed with statuscode: 500" from "Liveness probe failed: HTTP probe failed with statuscode: 500".
    static func probeDetail(_ message: String) -> String {
        guard let colon = message.range(of: "probe failed: ") else { return message }
        return String(message[colon.upperBound...]).trimmingCharacters(in: .whitespaces)
    }

    private static func uniqued(_ lines: [String]) -> [String] {
        var seen = Set<String>()
        return lines.filter { seen.insert($0).inserted }
    }
}

enum ExitCodeWording {
    static func describe(_ code: Int) -> String {
        switch code {
        case 126: "exit code 126 (command not executable)"
        case 127: "exit code 127 (command not found)"
        case 128: "exit code 128 (the runtime could not start it)"
        case 134: "exit code 134 (SIGABRT)"
        case 137: "exit code 137 (SIGKILL)"
        case 139: "exit code 139 (segmentation fault)"
        case 143: "exit code 143 (SIGTERM)"
        default: "exit code \(code)"
        }
    }
}
