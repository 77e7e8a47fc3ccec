import HealModel

/// Pods the scheduler cannot place, with its message turned into causes: what was requested
/// against what the largest node offers, which taint or selector excludes nodes, which claim
/// is unbound. Pods held back by scheduling gates are their own finding: the scheduler has not
/// even tried, and whoever set the gates (a queue such as Kueue, an operator) must lift them.
struct SchedulingAnalyzer: Analyzer {
    /// How long gates may hold a pod before it is a warning rather than info (a queue admitting
    /// work in turn holds pods for a while by design).
    static let gatedGraceSeconds = 300.0

    let descriptor = AnalyzerDescriptor(
        id: "pod-scheduling", group: .pods,
        summary: "Pending pods the scheduler cannot place (insufficient CPU/memory, taints, node selectors/affinity, unbound claims) or has not tried to (scheduling gates).",
        codes: ["unschedulable", "scheduling-gated"],
        reads: [.pods],
        triggeringScenarios: ["unschedulable-cpu", "unschedulable-taint-selector", "unschedulable-dedicated-taint", "pvc-pending", "pod-start-problems"],
        nonTriggeringScenarios: ["shop", "failover-clean", "starting-pods", "agentic-demo"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let factory = PodFindingFactory(context: context, analyzer: descriptor.id)
        // In a mass failure thousands of pods share one message: parse each distinct one once.
        var parsedMessages: [String: SchedulerMessage?] = [:]
        let largest = Self.largestAllocatable(context.snapshot.nodes)
        return context.snapshot.pods.compactMap { pod -> Finding? in
            guard let condition = pod.status.conditions["PodScheduled"], condition.isFalse else { return nil }
            if condition.reason == "SchedulingGated" { return gated(pod, condition: condition, factory: factory) }
            guard condition.reason == "Unschedulable" else { return nil }
            let events = context.index.events(for: pod).filter { $0.reason == "FailedScheduling" }
            let message = condition.message ?? events.last?.message ?? ""
            let parsed: SchedulerMessage?
            if let known = parsedMessages[message] {
                parsed = known
            } else {
                parsed = SchedulerMessage(message)
                parsedMessages[message] = parsed
            }
            let causes = parsed.map { explain($0, pod: pod, largest: largest, context: context) } ?? []
            let rootCause = causes.isEmpty
                ? "No node can run the pod: \(Wording.clip(message, 200))."
                : "No node can run the pod: \(causes.map(\.sentence).joined(separator: "; "))."
            var evidence = [Evidence(.status, "PodScheduled=False (Unschedulable): \(message)", object: pod.ref, time: condition.lastTransitionTime)]
            evidence += events.suffix(1).map { Evidence.event($0, object: pod.ref) }
            evidence += causes.flatMap(\.evidence)
            return factory.finding(
                "unschedulable", pod: pod, container: nil,
                symptom: "Pending: \(parsed.map { "\($0.availableNodes ?? 0)/\($0.totalNodes ?? 0) nodes available" } ?? "unschedulable")",
                rootCause: rootCause, evidence: evidence, since: condition.lastTransitionTime ?? pod.metadata.creationTimestamp,
                remediation: CrashRemedy.manual(causes.compactMap(\.fix).joined(separator: " ").nonEmpty ?? "Change the pod's requirements or add nodes that satisfy them."),
                confidence: causes.isEmpty ? 0.6 : 0.9)
        }
    }

    /// A pod the scheduler leaves alone until its gates are removed: which gates, for how long.
    private func gated(_ pod: Pod, condition: Condition, factory: PodFindingFactory) -> Finding {
        let since = condition.lastTransitionTime ?? pod.metadata.creationTimestamp
        let waited = factory.context.age(since: since) ?? 0
        let gates = pod.spec.schedulingGates.compactMap(\.name)
        let named = gates.isEmpty ? "scheduling gates" : Wording.count(gates.count, "scheduling gate") + " (\(gates.joined(separator: ", ")))"
        return factory.finding(
            "scheduling-gated", pod: pod, container: nil, severity: waited >= Self.gatedGraceSeconds ? .warning : .info,
            symptom: "Pending: held by \(named) for \(DurationText.format(seconds: waited))",
            rootCause: "The scheduler has not tried to place the pod: \(named) \(gates.count == 1 ? "has" : "have") held it for \(DurationText.format(seconds: waited)), and only whoever set \(gates.count == 1 ? "it" : "them") (a job queue such as Kueue, an operator) removes \(gates.count == 1 ? "it" : "them").",
            evidence: [Evidence(.status, "PodScheduled=False (SchedulingGated): \(condition.message ?? "")", object: pod.ref, time: since)]
                + (gates.isEmpty ? [] : [Evidence(.spec, "spec.schedulingGates: \(gates.joined(separator: ", "))", object: pod.ref)]),
            since: since,
            remediation: CrashRemedy.manual(
                "Check the controller that owns \(gates.first.map { "gate \($0)" } ?? "the gates") (is it running, does it admit this workload, is its queue full?); removing the gates by hand lets the pod schedule at once: kubectl patch pod \(pod.metadata.name) -n \(pod.metadata.namespace ?? "default") --type=json -p '[{\"op\":\"remove\",\"path\":\"/spec/schedulingGates\"}]'."),
            confidence: 0.9)
    }

    private struct Cause {
        var sentence: String
        var fix: String?
        var evidence: [Evidence] = []
    }

    /// The largest allocatable amount of each resource any node offers.
    private static func largestAllocatable(_ nodes: [Node]) -> [String: Double] {
        var largest: [String: Double] = [:]
        for node in nodes {
            for (resource, quantity) in node.status?.allocatable ?? [:] {
                largest[resource] = max(largest[resource] ?? quantity.value, quantity.value)
            }
        }
        return largest
    }

    private func explain(_ message: SchedulerMessage, pod: Pod, largest: [String: Double], context: AnalysisContext) -> [Cause] {
        message.reasons.map { reason in
            let nodes = reason.nodes.map { Wording.count($0, "node") } ?? "nodes"
            let one = reason.nodes == 1
            func verb(_ singular: String, _ plural: String) -> String { one ? singular : plural }
            switch reason.cause {
            case .insufficient(let resource):
                let have = "\(nodes) \(verb("has", "have")) insufficient \(resource)"
                return insufficient(resource, nodesHave: have, pod: pod, largest: largest[resource])
            case .untoleratedTaint(let taint):
                return TaintCause(scheduler: taint, nodes: context.snapshot.nodes).map {
                    Cause(sentence: "\(nodes) \($0.nodeList) \(verb("carries", "carry")) \($0.description)", fix: $0.fix, evidence: $0.evidence)
                } ?? Cause(sentence: "\(nodes) \(verb("carries", "carry")) taint \(taint), which the pod does not tolerate", fix: nil)
            case .nodeSelectorMismatch:
                let selector = pod.spec.nodeSelector.selectorText
                let detail = selector.isEmpty ? "its node affinity" : "its nodeSelector \(selector)"
                return Cause(sentence: "\(nodes) \(verb("does", "do")) not match \(detail)", fix: "Fix the nodeSelector/affinity or label a node to match (kubectl label node NAME \(selector.isEmpty ? "KEY=VALUE" : selector)).")
            case .unboundClaims:
                return unboundClaims(pod: pod, context: context)
            case .podAffinity, .podAntiAffinity:
                return Cause(sentence: "\(nodes): \(reason.text)", fix: "Relax the pod (anti-)affinity rules or add nodes.")
            case .nodesUnschedulable:
                let cordoned = context.snapshot.nodes.filter { $0.spec?.unschedulable == true }.map(\.metadata.name).sorted()
                let named = cordoned.isEmpty ? "" : " (\(Wording.list(Array(cordoned.prefix(5)))))"
                return Cause(
                    sentence: "\(nodes)\(named) \(verb("is", "are")) cordoned",
                    fix: "Uncordon \(cordoned.count == 1 ? "the node" : "nodes") (kubectl uncordon \(cordoned.first ?? "NAME")) when \(cordoned.count == 1 ? "its" : "their") maintenance is over.")
            default:
                return Cause(sentence: "\(nodes): \(reason.text)", fix: nil)
            }
        }
    }

    /// `nodesHave`: the scheduler's reason as a clause, "1 node has insufficient cpu".
    private func insufficient(_ resource: String, nodesHave: String, pod: Pod, largest: Double?) -> Cause {
        let requested = Self.request(resource, of: pod)
        let format = Self.formatter(for: resource)
        guard let requested else {
            return Cause(sentence: nodesHave, fix: "Free \(resource) on the nodes or add nodes.")
        }
        guard let largest else {
            return Cause(sentence: "\(nodesHave) for the \(format(requested)) the pod requests", fix: "Lower the pod's \(resource) request or add capacity.")
        }
        if requested > largest {
            return Cause(
                sentence: "\(nodesHave) — the pod requests \(format(requested)) but the largest node offers \(format(largest)) allocatable, so it can never fit",
                fix: "Lower requests.\(resource) to at most \(format(largest)) or add a node with at least \(format(requested)).")
        }
        return Cause(
            sentence: "\(nodesHave) free for the \(format(requested)) the pod requests (the largest offers \(format(largest)) in total)",
            fix: "Free \(resource) (scale down or right-size other workloads), lower the request, or add nodes.")
    }

    private func unboundClaims(pod: Pod, context: AnalysisContext) -> Cause {
        let names = pod.spec.volumes.compactMap { $0.persistentVolumeClaim?.claimName }
        let pending = context.snapshot.persistentVolumeClaims.filter {
            names.contains($0.metadata.name) && $0.metadata.namespace == pod.metadata.namespace && $0.status?.phase != "Bound"
        }
        guard !pending.isEmpty else {
            return Cause(sentence: "its PersistentVolumeClaims \(Wording.list(names)) are not bound", fix: "Make the claims bindable (storage class, provisioner, capacity).")
        }
        var evidence: [Evidence] = []
        let details = pending.map { claim -> String in
            let ref = claim.metadata.ref(kind: "PersistentVolumeClaim")
            let problem = context.index.events(for: ref).last { $0.isWarning }
            if let problem { evidence.append(.event(problem, object: ref)) }
            return "PersistentVolumeClaim \(claim.metadata.name) is \(claim.status?.phase ?? "unbound")\(problem.map { " (\(Wording.clip($0.message, 140)))" } ?? "")"
        }
        return Cause(sentence: Wording.list(details), fix: "Fix the claims' storage class or provisioning so they bind.", evidence: evidence)
    }

    private static func formatter(for resource: String) -> (Double) -> String {
        switch resource {
        case "cpu": { "\(Quantity.formatCores($0)) CPU" }
        case "memory": { Quantity.formatBytes($0) }
        default: { String(Int($0)) }
        }
    }

    /// What the scheduler counts: the sum of the containers' requests, or the largest init
    /// container's if that is more.
    static func request(_ resource: String, of pod: Pod) -> Double? {
        let containers = pod.spec.containers.compactMap { $0.resources?.requests[resource]?.value }
        let initContainers = pod.spec.initContainers.compactMap { $0.resources?.requests[resource]?.value }
        guard !containers.isEmpty || !initContainers.isEmpty else { return nil }
        return max(containers.reduce(0, +), initContainers.max() ?? 0)
    }
}
