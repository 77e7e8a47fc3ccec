import HealModel

/// Containers in CrashLoopBackOff, explained by their last termination (an OOM kill inside a
/// crash loop is reported as out-of-memory), liveness kills, or what their logs say.
struct CrashLoopAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "pod-crash-loop", group: .pods,
        summary: "Containers in CrashLoopBackOff, explained by their last termination (OOMKilled is out of memory), liveness or postStart hook kills, or their logs.",
        codes: [
            "crash-loop", "oom-killed", "liveness-probe-restarts", "post-start-hook-failed", "missing-env-vars", "dependency-connection-refused",
            "permission-denied", "missing-file", "exec-format-error", "jvm-out-of-memory", "application-panic",
        ],
        reads: [.pods],
        triggeringScenarios: [
            "agentic-demo", "agentic-demo-rollout", "crashloop-connection-refused", "crashloop-exec-format",
            "crashloop-jvm-oom", "crashloop-panic", "crashloop-permission-denied", "crashloop-missing-file", "crashloop-unknown", "pod-start-problems",
        ],
        nonTriggeringScenarios: ["shop", "failover-clean", "run-container-error", "high-restart-count", "image-pull-auth"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let factory = PodFindingFactory(context: context, analyzer: descriptor.id)
        var findings: [Finding] = []
        for pod in context.snapshot.pods {
            for status in pod.status.containerStatuses where ContainerStates.isCrashLooping(status) {
                findings.append(finding(pod: pod, status: status, factory: factory))
            }
        }
        return findings
    }

    private func finding(pod: Pod, status: ContainerStatus, factory: PodFindingFactory) -> Finding {
        let workload = factory.context.index.workload(of: pod)
        let rollout = RolloutHistory.change(introducing: pod, workload: workload, context: factory.context)
        var cause = CrashCauseClassifier.classify(pod: pod, status: status, factory: factory)
        if cause.code == "crash-loop", let removed = rollout?.removedVariables[status.name], !removed.isEmpty {
            // No log says why, but the rollout that brought the crash removed variables.
            cause.code = "missing-env-vars"
            cause.subjects = removed
            cause.confidence = 0.7
            let exit = status.lastState?.terminated.map { " with \(ExitCodeWording.describe($0.exitCode))" } ?? ""
            cause.rootCause = "Container \(status.name) exits\(exit), and \(Wording.list(removed)) \(removed.count == 1 ? "is" : "are") no longer set (no log was available to confirm they are what it needs)."
        }
        var rootCause = cause.rootCause
        var evidence = cause.evidence
        if let rollout, !rollout.changes.isEmpty {
            rootCause += " The newest rollout (revision \(rollout.newRevision)) introduced it — \(Wording.list(rollout.changes)) — while revision \(rollout.previousRevision) still serves."
            evidence += rollout.changes.map { Evidence(.rollout, "revision \(rollout.previousRevision) → \(rollout.newRevision): \($0)", object: rollout.workload) }
        }
        if let backOff = factory.events(for: pod, container: status.name).last(where: { $0.reason == "BackOff" }) {
            evidence.append(.event(backOff, object: pod.ref))
        }
        let terminated = status.lastState?.terminated
        let last = terminated.map { "; last exit: \($0.reason ?? "unknown") (\($0.exitCode))" } ?? ""
        return factory.finding(
            cause.code, pod: pod, container: status.name,
            symptom: "CrashLoopBackOff, \(Wording.count(status.restartCount ?? 0, "restart"))\(last)",
            rootCause: rootCause, evidence: evidence, since: pod.notReadySince,
            remediation: CrashRemedy.remediation(for: cause, pod: pod, container: status.name, rollout: rollout?.changes.isEmpty == false ? rollout : nil, factory: factory),
            confidence: rollout == nil ? cause.confidence : max(cause.confidence, 0.9))
    }
}
