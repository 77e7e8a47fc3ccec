import HealModel

/// Pods whose containers stay in ContainerCreating: normal for a short while (image pull, volume
/// attach), a problem after two minutes — usually a volume that cannot be mounted or attached
/// (`volume-mount-failed`) or a sandbox that cannot be created (`pod-sandbox-failed`: the pod's
/// network namespace, so the CNI plugin or the runtime), which the kubelet's events name; stuck
/// without such an event, `container-creating-stuck`.
struct ContainerCreatingAnalyzer: Analyzer {
    static let graceSeconds = 120.0
    static let volumeEvents: Set<String> = ["FailedMount", "FailedAttachVolume", "FailedMapVolume"]
    static let sandboxEvents: Set<String> = ["FailedCreatePodSandBox"]
    static let blockingEvents: Set<String> = volumeEvents.union(sandboxEvents).union(["FailedCreatePodContainer"])

    let descriptor = AnalyzerDescriptor(
        id: "pod-creating", group: .pods,
        summary: "Pods stuck creating their containers past two minutes: a volume that cannot be mounted or attached, a pod sandbox (network) that cannot be created, or no event saying why; younger ones are info.",
        codes: ["volume-mount-failed", "pod-sandbox-failed", "container-creating-stuck", "container-creating"],
        reads: [.pods],
        triggeringScenarios: ["container-creating-stuck", "starting-pods", "pod-start-problems"],
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
            findings.append(stuck(pod, container: status.name, waiting: status.state?.waiting?.reason ?? "", age: age, since: since, blockers: blockers, factory: factory))
        }
        return findings
    }

    /// A pod past the grace period, named by the kubelet's newest blocking event.
    private func stuck(
        _ pod: Pod, container: String, waiting: String, age: Double, since: Timestamp?, blockers: [Event], factory: PodFindingFactory
    ) -> Finding {
        let duration = DurationText.format(seconds: age)
        let last = blockers.last
        let cause = last.map { "\($0.reason): \(Wording.clause(Wording.clip($0.message, 200)))" }
        let evidence = [Evidence(.status, "waiting: \(waiting) since \(since?.description ?? "unknown")", object: pod.ref, time: since)]
            + blockers.suffix(2).map { .event($0, object: pod.ref) }
        if let last, let cause, Self.sandboxEvents.contains(last.reason) {
            return factory.finding(
                "pod-sandbox-failed", pod: pod, container: container,
                symptom: "pod sandbox not created for \(duration)",
                rootCause: "The kubelet has not been able to create the pod's sandbox (its network namespace and pause container) for \(duration), so no container can start: \(cause).",
                evidence: evidence, since: since,
                remediation: CrashRemedy.manual(
                    "Fix the node's pod networking or container runtime that the event names (the CNI plugin's pods and configuration on that node, IP addresses left in its pool, the runtime's logs); the kubelet retries by itself."),
                confidence: 0.9)
        }
        if let last, let cause, Self.volumeEvents.contains(last.reason) {
            return factory.finding(
                "volume-mount-failed", pod: pod, container: container,
                symptom: "volume not mounted for \(duration)",
                rootCause: "A volume of the pod cannot be \(last.reason == "FailedAttachVolume" ? "attached" : "mounted"), so its containers have not been created for \(duration): \(cause).",
                evidence: evidence, since: since,
                remediation: CrashRemedy.manual(
                    "Create or fix what the event names (a missing Secret, ConfigMap or claim behind a volume, a volume still attached to another node, the storage driver), or remove the volume from the template."),
                confidence: 0.9)
        }
        return factory.finding(
            "container-creating-stuck", pod: pod, container: container,
            symptom: "ContainerCreating for \(duration)",
            rootCause: cause.map { "The pod has been stuck in ContainerCreating for \(duration): \($0)." }
                ?? "The pod has been stuck in ContainerCreating for \(duration) and no event explains it yet (check the node's kubelet).",
            evidence: evidence, since: since,
            remediation: CrashRemedy.manual(cause == nil ? "Inspect the node's kubelet and container runtime." : "Fix what the event names on the node's kubelet or container runtime."),
            confidence: cause == nil ? 0.5 : 0.8)
    }

    private func initContainersFailing(_ pod: Pod) -> Bool {
        pod.status.initContainerStatuses.contains { status in
            ContainerStates.hasFailed(status) || ContainerStates.failedToStart(status)
                || ContainerStates.imagePullReasons.contains(status.state?.waiting?.reason ?? "")
        }
    }
}
