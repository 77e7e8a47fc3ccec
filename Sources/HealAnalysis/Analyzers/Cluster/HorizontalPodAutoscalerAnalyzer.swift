import HealModel

/// HorizontalPodAutoscalers that cannot do their job: a scale target that does not exist or
/// cannot be scaled (AbleToScale=False), no metrics to scale on, a target whose containers lack
/// the request utilisation is measured against, or pinned at maxReplicas while load asks for
/// more; and, as advice, a maxReplicas whose requests the whole cluster could not hold. An HPA
/// resting at its minimum is healthy and never reported.
struct HorizontalPodAutoscalerAnalyzer: Analyzer {
    /// The kinds whose absence the snapshot can vouch for, when they were read.
    static let targetKinds: [String: ResourceKind] = ["Deployment": .deployments, "StatefulSet": .statefulSets, "ReplicaSet": .replicaSets]

    let descriptor = AnalyzerDescriptor(
        id: "hpa", group: .autoscaling,
        summary: "HPAs whose scale target does not exist or cannot be scaled, that cannot read metrics, whose target has no requests for the scaled resource, or that are pinned at maxReplicas (never those resting at minReplicas); info when maxReplicas times the pod's requests exceeds every schedulable node's allocatable together.",
        codes: ["hpa-target-missing", "hpa-cannot-scale", "hpa-metrics-unavailable", "hpa-missing-requests", "hpa-at-max", "hpa-max-exceeds-capacity"],
        reads: [.horizontalPodAutoscalers],
        triggeringScenarios: ["hpa-metrics-unavailable", "hpa-missing-requests", "hpa-at-max", "hpa-problems"],
        nonTriggeringScenarios: ["hpa-at-min", "shop", "failover-clean"])

    /// The ScalingActive=False reasons the HPA controller gives when a metric cannot be read.
    static let metricFailureReasons: Set<String> = [
        "FailedGetResourceMetric", "FailedGetContainerResourceMetric", "FailedGetPodsMetric", "FailedGetObjectMetric",
        "FailedGetExternalMetric", "InvalidMetricSourceType",
    ]

    static let graceSeconds: Double = 120

    func analyze(_ context: AnalysisContext) -> [Finding] {
        // Read once: several checks look at the target's pod template.
        let templates = Dictionary(TemplatedWorkload.all(in: context.snapshot).map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
        return context.snapshot.horizontalPodAutoscalers.flatMap { autoscaler in
            let template = templates[target(autoscaler)]
            let conditions = autoscaler.status?.conditions ?? []
            // Nothing else about an HPA matters while it cannot scale its target at all.
            if let missing = targetMissing(autoscaler, context: context) { return [missing] }
            if let able = conditions["AbleToScale"], able.isFalse, (context.age(since: able.lastTransitionTime) ?? .infinity) >= Self.graceSeconds {
                return [cannotScale(autoscaler, condition: able, context: context)]
            }
            var findings: [Finding] = []
            // Metrics are missing for a minute or two after an HPA or its pods start: grace.
            if let active = conditions["ScalingActive"], active.isFalse, let reason = active.reason, Self.metricFailureReasons.contains(reason),
                (context.age(since: active.lastTransitionTime) ?? .infinity) >= Self.graceSeconds {
                let message = active.message ?? ""
                if let missing = message.firstMatch(of: Self.missingRequest) {
                    findings.append(missingRequests(
                        autoscaler, condition: active, resource: String(missing.output.resource), container: missing.output.container.map(String.init),
                        template: template, context: context))
                } else {
                    findings.append(metricsUnavailable(autoscaler, condition: active, context: context))
                }
            }
            if let atMax = atMaximum(autoscaler, context: context) { findings.append(atMax) }
            if let template, let capacity = beyondCapacity(autoscaler, template: template, context: context) { findings.append(capacity) }
            return findings
        }
    }

    /// A Deployment, StatefulSet or ReplicaSet target absent from what was read (other kinds,
    /// custom resources among them, are not judged here).
    private func targetMissing(_ autoscaler: HorizontalPodAutoscaler, context: AnalysisContext) -> Finding? {
        let target = target(autoscaler)
        guard let kind = Self.targetKinds[target.kind], context.snapshot.collected.contains(kind) else { return nil }
        let names = context.snapshot.metadata(of: kind).filter { $0.namespace == target.namespace }.map(\.name)
        guard !names.contains(target.name) else { return nil }
        let ref = autoscaler.metadata.ref(kind: "HorizontalPodAutoscaler")
        // A renamed workload: the one of the same kind whose name is closest, unless another HPA
        // already scales it (two HPAs on one workload fight over its replicas).
        let scaled = Set(context.snapshot.horizontalPodAutoscalers.filter { $0.metadata.namespace == target.namespace && $0.spec.scaleTargetRef.kind == target.kind }
            .map(\.spec.scaleTargetRef.name))
        let renamed = EditDistance.nearest(to: target.name, among: names.filter { !scaled.contains($0) }.sorted(), within: max(2, target.name.count / 3), count: 1).first
        let patch = renamed.map { Patch(target: ref, type: .merge, body: .object(["spec": .object(["scaleTargetRef": .object(["name": .string($0)])])])) }
        return finding(
            "hpa-target-missing", autoscaler, condition: (autoscaler.status?.conditions ?? [])["AbleToScale"], context: context,
            symptom: "scale target \(target.typeAndName) not found",
            rootCause: "HPA \(ref.name) scales \(target.typeAndName), which does not exist in namespace \(target.namespace ?? "default"): it scales nothing"
                + (renamed.map { "; \(target.kind) \($0) exists and may be the target meant." } ?? "."),
            remediation: Remediation(
                action: .manual,
                summary: renamed.map { "Point scaleTargetRef at \(target.kind) \($0), or delete the HPA." }
                    ?? "Point scaleTargetRef at the workload that exists (a renamed Deployment, say), or delete the HPA.",
                patch: patch, command: patch.map(KubectlCommand.patch) ?? "kubectl get \(target.kind.lowercased()) -n \(target.namespace ?? "default")",
                safeToAutoApply: false),
            confidence: 0.95)
    }

    private func cannotScale(_ autoscaler: HorizontalPodAutoscaler, condition: Condition, context: AnalysisContext) -> Finding {
        let ref = autoscaler.metadata.ref(kind: "HorizontalPodAutoscaler")
        return finding(
            "hpa-cannot-scale", autoscaler, condition: condition, context: context,
            symptom: "AbleToScale=False (\(condition.reason ?? ""))",
            rootCause: "HPA \(ref.name) cannot scale \(target(autoscaler).typeAndName): \(Wording.clause(Wording.clip(condition.message ?? condition.reason ?? "no reason given", 200))).",
            remediation: Remediation(
                action: .manual,
                summary: "Fix what the condition names: the target's scale subresource, or the HPA controller's permission to read and update it.",
                command: "kubectl describe hpa \(ref.name) -n \(ref.namespace ?? "default")", safeToAutoApply: false),
            confidence: 0.85)
    }

    private func metricsUnavailable(_ autoscaler: HorizontalPodAutoscaler, condition: Condition, context: AnalysisContext) -> Finding {
        let ref = autoscaler.metadata.ref(kind: "HorizontalPodAutoscaler")
        let detail = Self.detail(of: condition.message ?? "")
        let source = MetricsSource(message: detail)
        return finding(
            "hpa-metrics-unavailable", autoscaler, condition: condition, context: context,
            symptom: "ScalingActive=False (\(condition.reason ?? "")): cannot read metrics",
            rootCause: "HPA \(ref.name) cannot read the metrics it scales \(target(autoscaler).typeAndName) on: \(source.problem), so it keeps the current replica count whatever the load.",
            remediation: Remediation(action: .manual, summary: source.fix, command: source.command, safeToAutoApply: false),
            confidence: source.isRecognised ? 0.95 : 0.75)
    }

    private func missingRequests(
        _ autoscaler: HorizontalPodAutoscaler, condition: Condition, resource: String, container: String?, template: TemplatedWorkload?,
        context: AnalysisContext
    ) -> Finding {
        let ref = autoscaler.metadata.ref(kind: "HorizontalPodAutoscaler")
        let target = target(autoscaler)
        let lacking = template.map { $0.containers.filter { $0.resources?.requests[resource] == nil }.map(\.name) } ?? []
        // The controller names the first container it tripped over; the template names them all.
        let containers = lacking.isEmpty ? [container].compactMap { $0 } : lacking
        let lackingText = containers.isEmpty
            ? "the target's containers have"
            : "container\(containers.count == 1 ? "" : "s") \(Wording.list(containers)) \(containers.count == 1 ? "has" : "have")"
        return finding(
            "hpa-missing-requests", autoscaler, condition: condition, context: context,
            symptom: "ScalingActive=False: missing \(resource) request",
            rootCause: "HPA \(ref.name) scales \(target.typeAndName) on \(resource) utilisation (usage ÷ request), but \(lackingText) no \(resource) request, so utilisation cannot be computed and the HPA does not scale.",
            remediation: Remediation(
                action: .manual,
                summary: "Set a \(resource) request on \(containers.isEmpty ? "every container of \(target.typeAndName)" : "container " + Wording.list(containers)) (kubectl heal recommend-limits suggests values from usage).",
                parameters: ["resource": resource, "containers": containers.joined(separator: ",")],
                command: KubectlCommand.setResources(target, container: containers.first ?? "<container>", requests: [resource]),
                safeToAutoApply: false),
            confidence: 0.95)
    }

    private func atMaximum(_ autoscaler: HorizontalPodAutoscaler, context: AnalysisContext) -> Finding? {
        let limited = (autoscaler.status?.conditions ?? [])["ScalingLimited"]
        let maximum = autoscaler.spec.maxReplicas
        let current = autoscaler.status?.currentReplicas ?? 0
        // The controller clamps desiredReplicas to the maximum, so only its condition tells.
        guard limited?.isTrue == true, limited?.reason == "TooManyReplicas" else { return nil }
        let ref = autoscaler.metadata.ref(kind: "HorizontalPodAutoscaler")
        return finding(
            "hpa-at-max", autoscaler, condition: limited, context: context,
            symptom: "pinned at maxReplicas \(maximum) (\(current) current)",
            rootCause: "HPA \(ref.name) wants more replicas than its maxReplicas of \(maximum)\(limited?.message.map { " (\($0))" } ?? ""), so \(target(autoscaler).typeAndName) stays at \(current) while its load stays above target.",
            remediation: Remediation(
                action: .manual,
                summary: "Raise maxReplicas if the cluster has room for more pods, or give each replica more capacity.",
                command: KubectlCommand.setMaxReplicas(ref),
                safeToAutoApply: false),
            confidence: 0.9)
    }

    /// maxReplicas pods of the target request more CPU or memory than all schedulable nodes
    /// offer together: replicas past that point can never be scheduled, whatever else runs.
    private func beyondCapacity(_ autoscaler: HorizontalPodAutoscaler, template: TemplatedWorkload, context: AnalysisContext) -> Finding? {
        let nodes = context.snapshot.nodes.filter { $0.spec?.unschedulable != true }
        guard !nodes.isEmpty else { return nil }
        let maximum = autoscaler.spec.maxReplicas
        var shortfalls: [(resource: String, need: Double, offered: Double, fits: Int)] = []
        for resource in ["cpu", "memory"] {
            let perPod = template.containers.reduce(0) { $0 + ($1.resources?.requests[resource]?.value ?? 0) }
            let offered = nodes.reduce(0) { $0 + ($1.status?.allocatable[resource]?.value ?? 0) }
            guard perPod > 0, offered > 0, perPod * Double(maximum) > offered else { continue }
            shortfalls.append((resource, perPod * Double(maximum), offered, Int(offered / perPod)))
        }
        guard let fits = shortfalls.map(\.fits).min() else { return nil }
        let ref = autoscaler.metadata.ref(kind: "HorizontalPodAutoscaler")
        let amounts = shortfalls.map { "\(Self.amount($0.need, $0.resource)) against \(Self.amount($0.offered, $0.resource)) allocatable" }
        var finding = finding(
            "hpa-max-exceeds-capacity", autoscaler, condition: nil, context: context,
            symptom: "maxReplicas \(maximum); at most \(fits) fit the cluster",
            rootCause: "At its maxReplicas of \(maximum), HPA \(ref.name) would have \(template.ref.typeAndName) request \(Wording.list(amounts)) \(nodes.count == 1 ? "on the only schedulable node" : "on all \(nodes.count) schedulable nodes together"), so replicas past \(fits) can never be scheduled unless a cluster autoscaler adds nodes.",
            remediation: Remediation(
                action: .manual,
                summary: fits == 0
                    ? "Not even one pod fits the cluster's allocatable: lower the pod's requests or add nodes."
                    : "Lower maxReplicas to \(fits) or less, or make sure a cluster autoscaler can add nodes for the rest.",
                command: KubectlCommand.setMaxReplicas(ref), safeToAutoApply: false),
            confidence: 0.9)
        finding.severity = .info
        return finding
    }

    /// "12 CPU", "96Gi of memory".
    private static func amount(_ value: Double, _ resource: String) -> String {
        resource == "cpu" ? "\(Quantity.formatCores(value)) CPU" : "\(Quantity.formatBytes(value)) of memory"
    }

    private func finding(
        _ code: String, _ autoscaler: HorizontalPodAutoscaler, condition: Condition?, context: AnalysisContext, symptom: String,
        rootCause: String, remediation: Remediation, confidence: Double
    ) -> Finding {
        let ref = autoscaler.metadata.ref(kind: "HorizontalPodAutoscaler")
        let status = autoscaler.status
        var evidence = condition.map { condition in
            [Evidence(.status, "\(condition.type)=\(condition.status) (\(condition.reason ?? "")): \(condition.message ?? "")", object: ref, time: condition.lastTransitionTime)]
        } ?? []
        evidence.append(Evidence(
            .status, "replicas: \(status?.currentReplicas ?? 0) current, \(status?.desiredReplicas ?? 0) desired, min \(autoscaler.spec.minReplicas ?? 1), max \(autoscaler.spec.maxReplicas)",
            object: ref))
        evidence += context.index.events(for: ref).suffix(1).map { Evidence.event($0, object: ref) }
        return Finding(
            code: code, severity: .warning, analyzer: descriptor.id, resource: ref, symptom: symptom, rootCause: rootCause,
            evidence: evidence, since: condition?.lastTransitionTime, remediation: remediation, confidence: confidence)
    }

    private func target(_ autoscaler: HorizontalPodAutoscaler) -> ResourceRef {
        ResourceRef(kind: autoscaler.spec.scaleTargetRef.kind, namespace: autoscaler.metadata.namespace, name: autoscaler.spec.scaleTargetRef.name)
    }

    /// The controller's own words without its preamble.
    private static func detail(of message: String) -> String {
        guard let range = message.range(of: "unable to compute the replica count: ") else { return message }
        return String(message[range.upperBound...])
    }

    // Built once: a Swift regex literal evaluated in a function is rebuilt and recompiled on every call.
    nonisolated(unsafe) private static let missingRequest = #/missing request for (?<resource>[a-z.\-\/]+)(?: in container (?<container>\S+))?/#
}
