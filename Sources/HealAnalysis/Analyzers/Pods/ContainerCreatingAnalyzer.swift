import HealModel

/// Pods whose containers stay in ContainerCreating: normal for a short while (image pull, volume
/// attach), a problem after two minutes — usually a volume that cannot be mounted or a sandbox
/// that cannot be created, which the kubelet's events name.
struct ContainerCreatingAnalyzer: Analyzer {
    static let graceSeconds = 120.0
    static let blockingEvents: Set<String> = ["FailedMount", "FailedAttachVolume", "FailedMapVolume", "FailedCreatePodSandBox", "FailedCreatePodContainer"]

    let descriptor = AnalyzerDescriptor(
        id: "pod-creating", group: .pods,
        summary: "Containers stuck in ContainerCreating past two minutes (volumes, sandbox); younger ones are info.",
        codes: ["container-creating-stuck", "container-creating"],
        reads: [.pods],
        triggeringScenarios: ["container-creating-stuck", "starting-pods"],
        nonTriggeringScenarios: ["shop", "failover-clean", "init-container-failed", "agentic-demo"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let factory = PodFindingFactory(context: context, analyzer: descriptor.id)
        var findings: [Finding] = []
        for pod in context.snapshot.pods where pod.status.phase == "Pending" && !initContainersFailing(pod) {
            guard let status = pod.status.containerStatuses.first(where: { ["ContainerCreating", "PodInitializing"].contains($0.state?.waiting?.reason ?? "") }) else { continue }
            let scheduled = pod.status.conditions["PodScheduled"]
            guard scheduled?.isTrue ?? true else { continue }
            let since = scheduled?.lastTransitionTime ?? pod.metadata.creationTimestamp
            let age = context.age(since: since) ?? 0
            let blockers = factory.events(for: pod, container: nil).warnings(reasons: Self.blockingEvents)
            if age < Self.graceSeconds {
                findings.append(factory.finding(
                    "container-creating", pod: pod, container: status.name, severity: .info,
                    symptom: "ContainerCreating for \(DurationText.format(seconds: age))",
                    rootCause: "The pod was scheduled \(DurationText.format(seconds: age)) ago and its containers are still being created; this is normal for up to two minutes.",
                    evidence: [Evidence(.status, "waiting: \(status.state?.waiting?.reason ?? "")", object: pod.ref, time: since)],
                    since: since, confidence: 0.8))
                continue
            }
            let cause = blockers.last.map { "\($0.reason): \(Wording.clip($0.message, 200))" }
            findings.append(factory.finding(
                "container-creating-stuck", pod: pod, container: status.name,
                symptom: "ContainerCreating for \(DurationText.format(seconds: age))",
                rootCause: cause.map { "The pod has been stuck in ContainerCreating for \(DurationText.format(seconds: age)): \($0)." }
                    ?? "The pod has been stuck in ContainerCreating for \(DurationText.format(seconds: age)) and no event explains it yet (check the node's kubelet).",
                evidence: [Evidence(.status, "waiting: \(status.state?.waiting?.reason ?? "") since \(since?.description ?? "unknown")", object: pod.ref, time: since)]
                    + blockers.suffix(2).map { .event($0, object: pod.ref) },
                since: since,
                remediation: CrashRemedy.manual(cause == nil ? "Inspect the node's kubelet and container runtime." : "Create or fix what the event names (a missing Secret/ConfigMap for a volume, a volume still attached elsewhere, the CNI plugin)."),
                confidence: cause == nil ? 0.5 : 0.9))
        }
        return findings
    }

    private func initContainersFailing(_ pod: Pod) -> Bool {
        pod.status.initContainerStatuses.contains { status in
            ContainerStates.hasFailed(status) || ContainerStates.imagePullReasons.contains(status.state?.waiting?.reason ?? "")
        }
    }
}
