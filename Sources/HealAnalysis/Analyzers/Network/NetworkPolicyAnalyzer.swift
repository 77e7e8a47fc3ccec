import HealModel

/// NetworkPolicies whose pod selector matches no pod: they isolate nothing, usually because of a
/// label typo, so the pods they were written for accept traffic from anywhere.
struct NetworkPolicyAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "networkpolicy", group: .network,
        summary: "NetworkPolicies whose podSelector matches no pod in their namespace (they protect nothing), with the label probably meant.",
        codes: ["networkpolicy-no-matching-pods"],
        reads: [.networkPolicies, .pods],
        alsoReads: [.deployments, .statefulSets, .daemonSets, .jobs, .cronJobs],
        triggeringScenarios: ["networkpolicy-no-pods"],
        nonTriggeringScenarios: ["shop", "hygiene-clean", "agentic-demo"])

    /// A policy applied just before its workload sees no pod for a moment.
    static let graceSeconds: Double = 600

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let podsByNamespace = Dictionary(grouping: context.snapshot.pods.filter { !$0.isFinished }) {
            $0.metadata.namespace ?? ""
        }
        let templates = Self.templateLabels(context.snapshot)
        return context.snapshot.networkPolicies.compactMap { policy in
            let selector = policy.spec?.podSelector ?? LabelSelector()
            let pods = podsByNamespace[policy.metadata.namespace ?? ""] ?? []
            // An empty selector selects every pod: it is namespace-wide on purpose, pods or not.
            // A workload's template it fits runs pods later (scaled to 0, a CronJob between runs).
            guard !selector.matchLabels.isEmpty || !selector.matchExpressions.isEmpty,
                !pods.contains(where: { selector.matches($0.metadata.labels) }),
                !(templates[policy.metadata.namespace ?? ""] ?? []).contains(where: selector.matches),
                (context.age(since: policy.metadata.creationTimestamp) ?? .infinity) >= Self.graceSeconds
            else { return nil }
            return finding(policy, selector: selector, pods: pods, context: context)
        }
    }

    /// Pod template labels of every workload, by namespace: what pods will carry when they run.
    private static func templateLabels(_ snapshot: ClusterSnapshot) -> [String: [[String: String]]] {
        var labels: [String: [[String: String]]] = [:]
        for workload in TemplatedWorkload.all(in: snapshot) { labels[workload.ref.namespace ?? "", default: []].append(workload.templateLabels) }
        for job in snapshot.jobs { labels[job.metadata.namespace ?? "", default: []].append(job.spec.template?.metadata?.labels ?? [:]) }
        for cronJob in snapshot.cronJobs {
            labels[cronJob.metadata.namespace ?? "", default: []].append(cronJob.spec.jobTemplate?.spec?.template?.metadata?.labels ?? [:])
        }
        return labels
    }

    private func finding(_ policy: NetworkPolicy, selector: LabelSelector, pods: [Pod], context: AnalysisContext) -> Finding {
        let ref = policy.metadata.ref(kind: "NetworkPolicy")
        let text = selector.matchExpressions.isEmpty ? selector.matchLabels.selectorText : "(with match expressions)"
        var rootCause = "NetworkPolicy \(ref.name) selects pods labelled \(text), and no pod in namespace \(ref.namespace ?? "default") carries that, so it isolates nothing"
        var summary = "Point podSelector at the labels of the pods the policy is for, or delete the policy."
        if selector.matchExpressions.isEmpty, let suggestion = SelectorSuggestion(selector: selector.matchLabels, pods: pods) {
            rootCause += "; " + suggestion.question(context.index) + " Until then those pods accept traffic this policy was meant to restrict."
            summary = "Change podSelector to \(suggestion.corrected.selectorText)."
        } else {
            rootCause += "."
        }
        return Finding(
            code: "networkpolicy-no-matching-pods", severity: .warning, analyzer: descriptor.id, resource: ref,
            symptom: "podSelector \(text) matches no pod",
            rootCause: rootCause,
            evidence: [Evidence(.spec, "spec.podSelector: \(text)", object: ref)],
            since: policy.metadata.creationTimestamp,
            remediation: Remediation(action: .manual, summary: summary, command: "kubectl\(KubectlCommand.namespaceFlag(ref)) edit networkpolicy/\(ref.name)", safeToAutoApply: false),
            confidence: 0.85)
    }
}
