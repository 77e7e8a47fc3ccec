import HealModel

/// Init containers that keep failing: the pod never starts its main containers.
struct InitContainerAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "init-container", group: .pods,
        summary: "Init containers that crash or exit non-zero, blocking the pod, explained by their logs.",
        codes: ["init-container-failed"],
        reads: [.pods],
        triggeringScenarios: ["init-container-failed"],
        nonTriggeringScenarios: ["shop", "failover-clean", "agentic-demo", "starting-pods"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let factory = PodFindingFactory(context: context, analyzer: descriptor.id)
        var findings: [Finding] = []
        for pod in context.snapshot.pods {
            for status in pod.status.initContainerStatuses where ContainerStates.hasFailed(status) {
                let cause = CrashCauseClassifier.classify(pod: pod, status: status, factory: factory)
                let exit = (status.lastState?.terminated ?? status.state?.terminated).map { ExitCodeWording.describe($0.exitCode) } ?? "an error"
                findings.append(factory.finding(
                    "init-container-failed", pod: pod, container: status.name,
                    symptom: "Init:\(status.state?.waiting?.reason ?? "Error"), \(Wording.count(status.restartCount ?? 0, "restart"))",
                    rootCause: "Init container \(status.name) keeps failing (\(exit)), so the pod never starts its containers. \(cause.rootCause)",
                    evidence: cause.evidence, since: pod.notReadySince,
                    remediation: CrashRemedy.remediation(for: cause, pod: pod, container: status.name, rollout: nil, factory: factory),
                    confidence: max(0.6, cause.confidence)))
            }
        }
        return findings
    }
}
