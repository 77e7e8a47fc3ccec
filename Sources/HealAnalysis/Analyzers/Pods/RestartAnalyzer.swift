import HealModel

/// Containers that run now but have restarted often: a recurring failure the crash-loop back-off
/// hides between incidents. Warning while the last restart is recent, info once it is a day old.
struct RestartAnalyzer: Analyzer {
    static let threshold = 5
    static let recentSeconds = 24.0 * 3600

    let descriptor = AnalyzerDescriptor(
        id: "pod-restarts", group: .pods,
        summary: "Running containers with a high restart count (≥ 5), with the last exit and what the log says.",
        codes: ["high-restart-count"],
        reads: [.pods],
        triggeringScenarios: ["high-restart-count"],
        nonTriggeringScenarios: ["shop", "failover-clean", "liveness-probe-restarts", "agentic-demo"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let factory = PodFindingFactory(context: context, analyzer: descriptor.id)
        var findings: [Finding] = []
        for pod in context.snapshot.pods {
            for status in pod.status.containerStatuses
            where (status.restartCount ?? 0) >= Self.threshold && status.state?.running != nil && !ContainerStates.wasOOMKilled(status) {
                let cause = CrashCauseClassifier.classify(pod: pod, status: status, factory: factory)
                guard cause.code != "liveness-probe-restarts" else { continue }
                let last = status.lastState?.terminated
                let ago = factory.context.age(since: last?.finishedAt)
                let recent = ago.map { $0 < Self.recentSeconds } ?? true
                let lastText = last.map { "; the last restart was \(ago.map { DurationText.format(seconds: $0) + " ago" } ?? "at an unknown time") after \(ExitCodeWording.describe($0.exitCode)) (\($0.reason ?? "unknown"))" } ?? ""
                let logHint = cause.code == "crash-loop" ? "" : " \(cause.rootCause)"
                findings.append(factory.finding(
                    "high-restart-count", pod: pod, container: status.name,
                    severity: recent ? .warning : .info,
                    symptom: "Running, \(Wording.count(status.restartCount ?? 0, "restart"))",
                    rootCause: "Container \(status.name) has restarted \(Wording.count(status.restartCount ?? 0, "time"))\(lastText).\(logHint)",
                    evidence: cause.evidence, since: pod.status.startTime,
                    remediation: CrashRemedy.manual("Find why it exits (kubectl logs --previous) and fix it; repeated restarts drop in-flight work."),
                    confidence: 0.7))
            }
        }
        return findings
    }
}
