import HealModel

/// The runtime could not create or start the container process: CreateContainerError,
/// RunContainerError, or a crash loop whose terminations are StartError (a missing command or
/// entrypoint, a bad mount); or a hook around the start failed: PreStartHookError (the kubelet's
/// internal pre-start step, where its CPU, memory and topology managers take the container on)
/// and PostStartHookError (the pod's postStart hook).
struct ContainerStartAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "container-start", group: .pods,
        summary: "CreateContainerError, RunContainerError/StartError, PreStartHookError and PostStartHookError: the runtime, or a hook around the start, keeps the process from starting.",
        codes: ["create-container-error", "run-container-error", "pre-start-hook-failed", "post-start-hook-failed"],
        reads: [.pods],
        triggeringScenarios: ["run-container-error", "create-container-error", "pod-start-problems"],
        nonTriggeringScenarios: ["shop", "failover-clean", "agentic-demo", "crashloop-unknown"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let factory = PodFindingFactory(context: context, analyzer: descriptor.id)
        var findings: [Finding] = []
        for pod in context.snapshot.pods {
            for status in pod.status.initContainerStatuses + pod.status.containerStatuses where ContainerStates.failedToStart(status) {
                if let hook = hookFailure(pod: pod, status: status, factory: factory) {
                    findings.append(hook)
                    continue
                }
                let creating = status.state?.waiting?.reason == "CreateContainerError"
                let message = status.state?.waiting?.reason == "CrashLoopBackOff"
                    ? (status.lastState?.terminated?.message ?? "") : (status.state?.waiting?.message ?? status.lastState?.terminated?.message ?? "")
                let code = creating ? "create-container-error" : "run-container-error"
                let missing = message.firstMatch(of: Self.missingCommand)
                let cause = missing.map { "the command \($0.output.path) does not exist in the image" } ?? Wording.clip(message, 200)
                let verb = creating ? "create" : "start"
                findings.append(factory.finding(
                    code, pod: pod, container: status.name,
                    symptom: "\(status.state?.waiting?.reason ?? "Waiting"), \(Wording.count(status.restartCount ?? 0, "restart"))",
                    rootCause: "The container runtime cannot \(verb) container \(status.name): \(cause).",
                    evidence: [Evidence(.status, "\(status.lastState?.terminated?.reason ?? status.state?.waiting?.reason ?? ""): \(Wording.clip(message, 400))", object: pod.ref, time: status.lastState?.terminated?.finishedAt)],
                    since: pod.notReadySince,
                    remediation: CrashRemedy.manual(missing == nil
                        ? "Fix the container's command, mounts or security settings named in the runtime error."
                        : "Set the container's command to a program that exists in the image, or add it to the image."),
                    confidence: missing == nil ? 0.7 : 0.9))
            }
        }
        return findings
    }

    /// A container waiting on PreStartHookError or PostStartHookError.
    private func hookFailure(pod: Pod, status: ContainerStatus, factory: PodFindingFactory) -> Finding? {
        guard let waiting = status.state?.waiting, let reason = waiting.reason, ["PreStartHookError", "PostStartHookError"].contains(reason) else { return nil }
        let message = waiting.message.map { Wording.clause(Wording.clip($0, 200)) }
        let preStart = reason == "PreStartHookError"
        return factory.finding(
            preStart ? "pre-start-hook-failed" : "post-start-hook-failed", pod: pod, container: status.name,
            symptom: "\(reason), \(Wording.count(status.restartCount ?? 0, "restart"))",
            rootCause: preStart
                ? "The kubelet's internal pre-start step for container \(status.name) fails (its CPU, memory and topology managers register the container there)\(message.map { ": \($0)" } ?? "")."
                : "Container \(status.name)'s postStart hook fails, so the kubelet kills the container right after it starts\(message.map { ": \($0)" } ?? "").",
            evidence: [Evidence(.status, "\(reason): \(Wording.clip(waiting.message ?? "", 400))", object: pod.ref)],
            since: pod.notReadySince,
            remediation: CrashRemedy.manual(preStart
                ? "Read the node's kubelet log around the failure (its CPU, memory and topology managers); the kubelet retries the container, so a failure that lasts is the node's to fix."
                : CrashRemedy.postStartHookFix),
            confidence: 0.85)
    }

    // Built once: a Swift regex literal evaluated in a function is rebuilt and recompiled on every call.
    nonisolated(unsafe) private static let missingCommand = #/exec: "(?<path>[^"]+)": (?:stat [^:]+: no such file or directory|executable file not found in \$PATH)/#
}
