import HealModel

/// Nodes that are NotReady (the kubelet says so, or stopped reporting), under memory, disk or
/// PID pressure, or without pod networking (NetworkUnavailable=True, set by the route
/// controller or the CNI plugin). node-problem-detector's conditions (KernelDeadlock …) have
/// their own polarity and are left alone. A cordoned node is maintenance, not a problem — unless
/// pods wait unscheduled meanwhile.
struct NodeAnalyzer: Analyzer {
    /// How long NetworkUnavailable may hold on a node before it is more than a node joining, and
    /// pods may wait on cordoned nodes before it is more than a drain in progress.
    static let graceSeconds = 120.0

    let descriptor = AnalyzerDescriptor(
        id: "node", group: .nodes,
        summary: "Nodes that are NotReady, report MemoryPressure, DiskPressure or PIDPressure, or NetworkUnavailable; cordoned nodes while pods wait unscheduled.",
        codes: ["node-not-ready", "node-pressure", "node-network-unavailable", "node-cordoned"],
        reads: [.nodes],
        triggeringScenarios: ["node-not-ready", "node-pressure", "node-problems"],
        nonTriggeringScenarios: ["node-healthy-extra-conditions", "shop", "failover-clean", "daemonset-not-ready", "evicted"])

    static let pressureConditions = ["MemoryPressure", "DiskPressure", "PIDPressure"]

    func analyze(_ context: AnalysisContext) -> [Finding] {
        // Pods the scheduler turned away partly for cordoned nodes ("… node(s) were unschedulable"),
        // past the grace a rolling upgrade or an autoscaler's churn needs.
        let waiting = context.snapshot.pods.filter { pod in
            guard let scheduled = pod.status.conditions["PodScheduled"], scheduled.reason == "Unschedulable",
                (scheduled.message ?? "").contains("node(s) were unschedulable") else { return false }
            return (context.age(since: scheduled.lastTransitionTime) ?? 0) >= Self.graceSeconds
        }
        return context.snapshot.nodes.flatMap { node in
            let conditions = node.status?.conditions ?? []
            var findings: [Finding] = []
            if let ready = conditions["Ready"], !ready.isTrue {
                findings.append(notReady(node, ready: ready, context: context))
            }
            let pressures = Self.pressureConditions.compactMap { conditions[$0] }.filter(\.isTrue)
            if !pressures.isEmpty {
                findings.append(underPressure(node, pressures: pressures, context: context))
            }
            if let network = conditions["NetworkUnavailable"], network.isTrue {
                findings.append(networkUnavailable(node, condition: network, context: context))
            }
            if node.spec?.unschedulable == true, !waiting.isEmpty {
                findings.append(cordoned(node, waiting: waiting))
            }
            return findings
        }
    }

    private func notReady(_ node: Node, ready: Condition, context: AnalysisContext) -> Finding {
        let ref = node.metadata.ref(kind: "Node")
        let stoppedReporting = ready.status == "Unknown"
        let heartbeat = ready.lastHeartbeatTime.map { " since \($0)" } ?? ""
        let rootCause = stoppedReporting
            ? "The kubelet on node \(ref.name) has not posted status\(heartbeat) (Ready=Unknown: \(Wording.clause(ready.message ?? "no message"))): the node is down, cut off from the API server, or its kubelet is not running; its pods are evicted once their unreachable toleration (300 s by default) runs out."
            : "The kubelet reports node \(ref.name) NotReady: \(ready.reason ?? "no reason")\(ready.message.map { ": \(Wording.clause(Wording.clip($0, 200)))" } ?? "")."
        var evidence = [condition(ready, node: ref)]
        evidence += taintEvidence(node)
        evidence += podEvidence(on: ref, context: context)
        return Finding(
            code: "node-not-ready", severity: .critical, analyzer: descriptor.id, resource: ref,
            symptom: stoppedReporting ? "Ready=Unknown (NodeStatusUnknown)" : "Ready=False (\(ready.reason ?? "NotReady"))",
            rootCause: rootCause,
            evidence: evidence,
            since: ready.lastTransitionTime,
            remediation: Remediation(
                action: .manual,
                summary: "Check that the machine is up and its kubelet and container runtime run (systemctl status kubelet; journalctl -u kubelet); if it will not come back, drain and delete the node so its pods move.",
                command: KubectlCommand.describe(ref), safeToAutoApply: false),
            confidence: 0.95)
    }

    private func networkUnavailable(_ node: Node, condition: Condition, context: AnalysisContext) -> Finding {
        let ref = node.metadata.ref(kind: "Node")
        let age = context.age(since: condition.lastTransitionTime) ?? Self.graceSeconds
        return Finding(
            code: "node-network-unavailable", severity: age < Self.graceSeconds ? .info : .critical, analyzer: descriptor.id, resource: ref,
            symptom: "NetworkUnavailable=True (\(condition.reason ?? "no reason"))",
            rootCause: "Node \(ref.name) reports NetworkUnavailable\(condition.message.map { ": \(Wording.clause(Wording.clip($0, 200)))" } ?? ""): its pod network is not set up (the CNI plugin on it, or the cloud's routes for it), so its pods cannot reach or be reached by others.",
            evidence: [self.condition(condition, node: ref)] + taintEvidence(node) + podEvidence(on: ref, context: context),
            since: condition.lastTransitionTime,
            remediation: Remediation(
                action: .manual,
                summary: "Check the CNI plugin's pod on the node (and its logs) or the cloud route controller; the condition clears once the node's network is configured.",
                command: KubectlCommand.describe(ref), safeToAutoApply: false),
            confidence: 0.9)
    }

    private func cordoned(_ node: Node, waiting: [Pod]) -> Finding {
        let ref = node.metadata.ref(kind: "Node")
        return Finding(
            code: "node-cordoned", severity: .warning, analyzer: descriptor.id, resource: ref,
            symptom: "cordoned while \(Wording.count(waiting.count, "pod")) wait\(waiting.count == 1 ? "s" : "") to be scheduled",
            rootCause: "Node \(ref.name) is cordoned (spec.unschedulable), so the scheduler places nothing there, while \(Wording.count(waiting.count, "pod")) cannot be scheduled anywhere; if its maintenance is over, it is capacity left unused.",
            evidence: [Evidence(.spec, "spec.unschedulable: true", object: ref)]
                + waiting.prefix(2).map { Evidence(.status, "pod \($0.metadata.name): PodScheduled=False (Unschedulable)", object: $0.ref) },
            remediation: Remediation(
                action: .manual, summary: "Uncordon the node once its maintenance is done.", command: "kubectl uncordon \(ref.name)", safeToAutoApply: false),
            confidence: 0.7)
    }

    private func underPressure(_ node: Node, pressures: [Condition], context: AnalysisContext) -> Finding {
        let ref = node.metadata.ref(kind: "Node")
        let named = pressures.map { "\($0.type)\($0.message.map { " (\($0))" } ?? "")" }
        var evidence = pressures.map { condition($0, node: ref) }
        evidence += taintEvidence(node)
        evidence += context.index.events(for: ref).filter(\.isWarning).suffix(2).map { Evidence.event($0, object: ref) }
        return Finding(
            code: "node-pressure", severity: .warning, analyzer: descriptor.id, resource: ref,
            symptom: pressures.map(\.type).joined(separator: ", "),
            rootCause: "Node \(ref.name) reports \(Wording.list(named)): the kubelet crossed its eviction threshold, so it evicts pods to reclaim the resource and the scheduler places no new pods there.",
            evidence: evidence,
            since: pressures.compactMap(\.lastTransitionTime).min(),
            remediation: Remediation(action: .manual, summary: Self.relief(for: pressures.map(\.type)), command: KubectlCommand.describe(ref), safeToAutoApply: false),
            confidence: 0.9)
    }

    private static func relief(for types: [String]) -> String {
        types.map { type in
            switch type {
            case "MemoryPressure": "Find the pods using the most memory on the node (kubectl top pods -A --sort-by=memory) and give them limits or move them."
            case "DiskPressure": "Free disk on the node: unused images, container logs, emptyDir and ephemeral storage."
            default: "Find the process leaking PIDs on the node and set a pod PID limit."
            }
        }.joined(separator: " ")
    }

    private func condition(_ condition: Condition, node: ResourceRef) -> Evidence {
        Evidence(
            .status, "\(condition.type)=\(condition.status) (\(condition.reason ?? "")): \(condition.message ?? "")\(condition.lastHeartbeatTime.map { "; last heartbeat \($0)" } ?? "")",
            object: node, time: condition.lastTransitionTime)
    }

    /// The taints the node controller and kubelet add for these states (unreachable, not-ready, …-pressure).
    private func taintEvidence(_ node: Node) -> [Evidence] {
        (node.spec?.taints ?? []).filter { $0.key.hasPrefix("node.kubernetes.io/") }.map {
            Evidence(.spec, "taint \($0.key):\($0.effect)", object: node.metadata.ref(kind: "Node"))
        }
    }

    private func podEvidence(on node: ResourceRef, context: AnalysisContext) -> [Evidence] {
        let pods = context.snapshot.pods.filter { $0.spec.nodeName == node.name && $0.isLive }
        guard !pods.isEmpty else { return [] }
        return [Evidence(.status, "\(Wording.count(pods.count, "pod")) scheduled on the node: \(ReplicaShortfall.podNames(pods))", object: node)]
    }
}
