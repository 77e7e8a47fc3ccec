import HealModel

/// Pods the kubelet evicted (node pressure) or terminated for a node shutdown or preemption:
/// lingering Failed pods and the reason behind them.
struct EvictionAnalyzer: Analyzer {
    /// `status.reason` of pods the node, not their own process, ended.
    static let nodeReasons: Set<String> = ["Evicted", "Terminated", "Shutdown", "NodeShutdown", "NodeLost", "Preempting"]

    let descriptor = AnalyzerDescriptor(
        id: "pod-eviction", group: .pods,
        summary: "Pods evicted under node pressure or terminated by a node shutdown or preemption.",
        codes: ["evicted"],
        reads: [.pods],
        triggeringScenarios: ["evicted"],
        nonTriggeringScenarios: ["shop", "failover-clean", "non-zero-exit"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let factory = PodFindingFactory(context: context, analyzer: descriptor.id)
        return context.snapshot.pods.compactMap { pod in
            guard pod.status.phase == "Failed", let reason = pod.status.reason, Self.nodeReasons.contains(reason) else { return nil }
            let message = pod.status.message ?? "no reason given"
            // The kubelet's messages end with ". " or nothing; the sentence goes on after them.
            let sentence = Wording.clause(Wording.clip(message, 240)) + "."
            let since = pod.status.containerStatuses.compactMap { $0.state?.terminated?.finishedAt }.max() ?? pod.status.conditions["Ready"]?.lastTransitionTime
            return factory.finding(
                "evicted", pod: pod, container: nil,
                symptom: "\(reason) (phase Failed)",
                rootCause: reason == "Evicted"
                    ? "The kubelet evicted the pod: \(sentence) Evicted pods stay listed until deleted."
                    : "The node ended the pod (\(reason)): \(sentence) Such pods stay listed until deleted.",
                evidence: [Evidence(.status, "status.reason=\(reason): \(message)", object: pod.ref, time: since)]
                    + context.index.events(for: pod).filter { $0.reason == "Evicted" }.suffix(1).map { .event($0, object: pod.ref) },
                since: since,
                remediation: Remediation(
                    action: .restartPod,
                    summary: reason == "Evicted"
                        ? "Delete the evicted pod object (its controller already replaced it); if evictions repeat, \(EvictionCause(message: message).advice)."
                        : "Delete the pod object (its controller already replaced it).",
                    parameters: ["pod": pod.metadata.name],
                    command: KubectlCommand.deletePod(pod.ref),
                    safeToAutoApply: true),
                confidence: 0.95)
        }
    }
}
