import HealModel

/// The runtime could not create or start the container process: CreateContainerError,
/// RunContainerError, or a crash loop whose terminations are StartError (a missing command or
/// entrypoint, a bad mount).
struct ContainerStartAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "container-start", group: .pods,
        summary: "CreateContainerError and RunContainerError/StartError: the runtime cannot create or start the process.",
        codes: ["create-container-error", "run-container-error"],
        reads: [.pods],
        triggeringScenarios: ["run-container-error", "create-container-error"],
        nonTriggeringScenarios: ["shop", "failover-clean", "agentic-demo", "crashloop-unknown"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let factory = PodFindingFactory(context: context, analyzer: descriptor.id)
        var findings: [Finding] = []
        for pod in context.snapshot.pods {
            for status in pod.status.initContainerStatuses + pod.status.containerStatuses where ContainerStates.failedToStart(status) {
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

    // Built once: a Swift regex literal evaluated in a function is rebuilt and recompiled on every call.
    nonisolated(unsafe) private static let missingCommand = #/exec: "(?<path>[^"]+)": (?:stat [^:]+: no such file or directory|executable file not found in \$PATH)/#
}
