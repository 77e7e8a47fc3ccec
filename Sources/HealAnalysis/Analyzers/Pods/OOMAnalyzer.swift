import HealModel

/// Containers killed for exceeding their memory limit that are running again (or ended that
/// way): the crash-loop case is `pod-crash-loop`'s.
struct OOMAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "pod-oom", group: .pods,
        summary: "OOMKilled containers outside crash loops: restarted after an OOM kill, or terminated by one.",
        codes: ["oom-killed"],
        reads: [.pods],
        triggeringScenarios: ["oom-restarted"],
        nonTriggeringScenarios: ["shop", "failover-clean", "agentic-demo", "high-restart-count"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let factory = PodFindingFactory(context: context, analyzer: descriptor.id)
        var findings: [Finding] = []
        let retried = RetriedJobAttempts(context.snapshot)
        for pod in context.snapshot.pods {
            for status in pod.status.containerStatuses where ContainerStates.wasOOMKilled(status) && !ContainerStates.isCrashLooping(status) {
                let cause = CrashCauseClassifier.classify(pod: pod, status: status, factory: factory)
                let terminatedNow = status.state?.terminated != nil
                let killedAt = (status.lastState?.terminated ?? status.state?.terminated)?.finishedAt
                // lastState keeps the OOM kill until the next restart: one kill long ago is history.
                let recent = !retried.contains(pod) && (terminatedNow || (context.age(since: killedAt).map { $0 < RestartAnalyzer.recentSeconds } ?? true))
                var remediation = CrashRemedy.remediation(for: cause, pod: pod, container: status.name, rollout: nil, factory: factory)
                remediation.safeToAutoApply = remediation.safeToAutoApply && recent
                findings.append(factory.finding(
                    cause.code, pod: pod, container: status.name, severity: recent ? nil : .info,
                    symptom: terminatedNow ? "Terminated: OOMKilled" : "Running again after OOMKilled, \(Wording.count(status.restartCount ?? 0, "restart"))",
                    rootCause: cause.rootCause + (retried.contains(pod) ? RetriedJobAttempts.note : ""), evidence: cause.evidence, since: killedAt,
                    remediation: remediation, confidence: cause.confidence))
            }
        }
        return findings
    }
}
