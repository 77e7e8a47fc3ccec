import HealModel

/// Containers of run-to-completion pods (restartPolicy Never or OnFailure: Job pods, one-off
/// pods) that ended with a non-zero exit, explained by their logs when possible.
struct ExitAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "pod-exit", group: .pods,
        summary: "Containers terminated with a non-zero exit code in failed pods, explained by their logs.",
        codes: [
            "non-zero-exit", "missing-env-vars", "dependency-connection-refused", "permission-denied", "missing-file",
            "exec-format-error", "jvm-out-of-memory", "application-panic", "liveness-probe-restarts", "post-start-hook-failed",
        ],
        reads: [.pods],
        triggeringScenarios: ["non-zero-exit", "job-backoff-limit"],
        nonTriggeringScenarios: ["shop", "failover-clean", "evicted", "agentic-demo"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let factory = PodFindingFactory(context: context, analyzer: descriptor.id)
        var findings: [Finding] = []
        let retried = RetriedJobAttempts(context.snapshot)
        // Pods that run to completion (restartPolicy Never/OnFailure); a Failed pod that should
        // run for ever was ended by its node, which pod-eviction reports.
        for pod in context.snapshot.pods
        where pod.status.phase == "Failed" && (pod.spec.restartPolicy ?? "Always") != "Always"
            && !EvictionAnalyzer.nodeReasons.contains(pod.status.reason ?? "") {
            for status in pod.status.containerStatuses {
                guard let terminated = status.state?.terminated, terminated.exitCode != 0, terminated.reason != "OOMKilled" else { continue }
                let cause = CrashCauseClassifier.classify(pod: pod, status: status, factory: factory, finished: true)
                let code = cause.code == "crash-loop" ? "non-zero-exit" : cause.code
                let history = retried.contains(pod)
                findings.append(factory.finding(
                    code, pod: pod, container: status.name, severity: history ? .info : nil,
                    symptom: "Terminated: \(terminated.reason ?? "Error") (\(ExitCodeWording.describe(terminated.exitCode)))",
                    rootCause: cause.rootCause + (history ? RetriedJobAttempts.note : ""),
                    evidence: cause.evidence, since: terminated.finishedAt,
                    remediation: CrashRemedy.remediation(for: cause, pod: pod, container: status.name, rollout: nil, factory: factory),
                    confidence: cause.confidence))
            }
        }
        return findings
    }
}
