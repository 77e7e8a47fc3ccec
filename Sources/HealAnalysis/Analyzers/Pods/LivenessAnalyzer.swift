import HealModel

/// Containers the kubelet restarts because their liveness probe fails — while they are not (yet)
/// in a crash loop, which `pod-crash-loop` reports.
struct LivenessAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "pod-liveness", group: .pods,
        summary: "Restarts caused by a failing liveness probe (Killing events), outside crash loops.",
        codes: ["liveness-probe-restarts"],
        reads: [.pods, .events],
        triggeringScenarios: ["liveness-probe-restarts"],
        nonTriggeringScenarios: ["shop", "failover-clean", "high-restart-count", "readiness-probe-failing"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let factory = PodFindingFactory(context: context, analyzer: descriptor.id)
        var findings: [Finding] = []
        for pod in context.snapshot.pods {
            for status in pod.status.containerStatuses where (status.restartCount ?? 0) > 0 && !ContainerStates.isCrashLooping(status) {
                // Without a liveness kill the classifier cannot answer liveness-probe-restarts;
                // checking first spares it the log scan for every other restarted container.
                guard factory.events(for: pod, container: status.name).contains(where: CrashCauseClassifier.isLivenessKill) else { continue }
                let cause = CrashCauseClassifier.classify(pod: pod, status: status, factory: factory)
                guard cause.code == "liveness-probe-restarts" else { continue }
                findings.append(factory.finding(
                    cause.code, pod: pod, container: status.name,
                    symptom: "Restarted \(Wording.count(status.restartCount ?? 0, "time")) by its liveness probe",
                    rootCause: cause.rootCause, evidence: cause.evidence,
                    since: factory.events(for: pod, container: status.name).first { $0.reason == "Killing" }?.firstSeen,
                    remediation: CrashRemedy.remediation(for: cause, pod: pod, container: status.name, rollout: nil, factory: factory),
                    confidence: cause.confidence))
            }
        }
        return findings
    }
}
