import HealModel

/// PodDisruptionBudgets that stop node drains and upgrades, or protect nothing: a budget that
/// has allowed no eviction for half an hour, one whose selector matches no pod, and pods
/// selected by two budgets (the eviction API refuses those outright).
struct DisruptionBudgetAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "pdb", group: .workloads,
        summary: "PodDisruptionBudgets allowing 0 disruptions for 30 minutes (drains hang), selecting no pod, or overlapping on the same pods (evictions refused).",
        codes: ["pdb-blocks-eviction", "pdb-no-matching-pods", "pdb-overlapping"],
        reads: [.podDisruptionBudgets, .pods],
        triggeringScenarios: ["pdb-problems"],
        nonTriggeringScenarios: ["hygiene-clean", "agentic-demo", "deployment-unavailable"])

    /// A rollout or a restarting pod takes a budget to 0 for seconds or minutes; a drain that
    /// waits half an hour is stuck.
    static let blockingGraceSeconds: Double = 1800
    /// A budget created with its workload may see no pod for the first minutes.
    static let noPodsGraceSeconds: Double = 600

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let podsByNamespace = Dictionary(grouping: context.snapshot.pods.filter { !$0.isFinished }) { $0.metadata.namespace ?? "" }
        let templatesByNamespace = Dictionary(grouping: TemplatedWorkload.all(in: context.snapshot)) { $0.ref.namespace ?? "" }
        var findings: [Finding] = []
        var budgetsByPod: [String: [PodDisruptionBudget]] = [:]
        for budget in context.snapshot.podDisruptionBudgets {
            // policy/v1: a budget without a selector selects no pod; an empty one selects all.
            let pods = (podsByNamespace[budget.metadata.namespace ?? ""] ?? []).filter { budget.spec?.selector?.matches($0.metadata.labels) ?? false }
            for pod in pods { budgetsByPod[pod.ref.description, default: []].append(budget) }
            if pods.isEmpty {
                let namespace = budget.metadata.namespace ?? ""
                if let finding = noMatchingPods(
                    budget, namespacePods: podsByNamespace[namespace] ?? [], templates: templatesByNamespace[namespace] ?? [], context: context) {
                    findings.append(finding)
                }
            } else if let finding = blocking(budget, pods: pods, context: context) {
                findings.append(finding)
            }
        }
        return findings + overlaps(budgetsByPod)
    }

    private func blocking(_ budget: PodDisruptionBudget, pods: [Pod], context: AnalysisContext) -> Finding? {
        guard let status = budget.status, status.disruptionsAllowed == 0, let expected = status.expectedPods, expected > 0,
            let condition = status.conditions["DisruptionAllowed"], condition.isFalse,
            let blockedFor = context.age(since: condition.lastTransitionTime), blockedFor >= Self.blockingGraceSeconds
        else { return nil }
        let ref = budget.metadata.ref(kind: "PodDisruptionBudget")
        let healthy = status.currentHealthy ?? 0
        let desired = status.desiredHealthy ?? 0
        let rule = Self.ruleText(budget)
        let evidence = [
            Evidence(.status, "disruptionsAllowed 0; currentHealthy \(healthy), desiredHealthy \(desired), expectedPods \(expected)", object: ref),
            Evidence(.status, "DisruptionAllowed=False (\(condition.reason ?? "")) since \(condition.lastTransitionTime?.description ?? "?")", object: ref, time: condition.lastTransitionTime),
            Evidence(.spec, rule + "; selector " + Self.selectorText(budget), object: ref),
        ]
        let owners = context.index.workloadNames(of: pods)
        let ownerText = owners.isEmpty ? "" : " of \(Wording.list(owners))"
        // SyncFailed (a percentage on pods without a scale, say): the controller cannot compute
        // the budget and allows nothing; its counts are stale, so only its words are quoted.
        if let reason = condition.reason, reason != "InsufficientPods" {
            return Finding(
                code: "pdb-blocks-eviction", severity: .warning, analyzer: descriptor.id, resource: ref,
                symptom: "0 disruptions allowed: \(reason)",
                rootCause: "PodDisruptionBudget \(ref.name) (\(rule)) allows no eviction because the disruption controller cannot compute it (\(reason)\(condition.message.flatMap { $0.isEmpty ? nil : ": \(Wording.clause(Wording.clip($0, 200)))" } ?? "")): drains and node upgrades wait on its pods\(ownerText).",
                evidence: evidence, since: condition.lastTransitionTime,
                remediation: Remediation(
                    action: .manual, summary: "Fix what the controller reports (a percentage needs pods whose owner has a scale, for example); the budget allows evictions again once it computes.",
                    command: KubectlCommand.describe(ref), safeToAutoApply: false),
                confidence: 0.85)
        }
        if healthy >= expected {
            // Every pod is healthy and still none may go: the budget itself forbids any eviction.
            return Finding(
                code: "pdb-blocks-eviction", severity: .warning, analyzer: descriptor.id, resource: ref,
                symptom: "0 disruptions allowed with all \(expected) pods healthy",
                rootCause: "PodDisruptionBudget \(ref.name) (\(rule)) needs all \(Wording.count(expected, "pod"))\(ownerText) to stay up, so it never allows a voluntary eviction: kubectl drain and node upgrades wait on these pods forever.",
                evidence: evidence, since: condition.lastTransitionTime,
                remediation: Remediation(
                    action: .manual,
                    summary: expected == 1
                        ? "A single pod cannot be both protected and evicted: run 2 or more replicas, then set maxUnavailable: 1 (and drop minAvailable)."
                        : "Let one pod go at a time: set maxUnavailable: 1 (and drop minAvailable); add replicas first if \(expected - 1) cannot carry the load.",
                    command: KubectlCommand.patch(Patch(
                        target: ref, type: .merge,
                        body: .object(["spec": .object(["minAvailable": .null, "maxUnavailable": .int(1)])]))),
                    safeToAutoApply: false),
                confidence: 0.95)
        }
        return Finding(
            code: "pdb-blocks-eviction", severity: .warning, analyzer: descriptor.id, resource: ref,
            symptom: "0 disruptions allowed: \(healthy) of \(expected) pods healthy, \(desired) required",
            rootCause: "PodDisruptionBudget \(ref.name) (\(rule)) allows no eviction because only \(healthy) of its \(Wording.count(expected, "pod"))\(ownerText) are healthy and it requires \(desired): drains and node upgrades wait until the unhealthy pods recover.",
            evidence: evidence, since: condition.lastTransitionTime,
            remediation: Remediation(
                action: .manual,
                summary: "Fix the unhealthy pods (their own findings say why); the budget allows evictions again once \(desired + 1) are healthy.",
                command: KubectlCommand.describe(ref), safeToAutoApply: false),
            confidence: 0.85)
    }

    private func noMatchingPods(_ budget: PodDisruptionBudget, namespacePods: [Pod], templates: [TemplatedWorkload], context: AnalysisContext) -> Finding? {
        guard (context.age(since: budget.metadata.creationTimestamp) ?? .infinity) >= Self.noPodsGraceSeconds,
            // Trust the controller when it counts pods this snapshot does not have.
            (budget.status?.expectedPods ?? 0) == 0
        else { return nil }
        // The selector fits a workload's pod template: the workload has no pods (scaled to 0 on
        // purpose, or its own findings say why), and the budget is right for when it has.
        if let selector = budget.spec?.selector, templates.contains(where: { selector.matches($0.templateLabels) }) { return nil }
        let ref = budget.metadata.ref(kind: "PodDisruptionBudget")
        let selector = Self.selectorText(budget)
        var rootCause = "PodDisruptionBudget \(ref.name) selects no pod (\(selector)), so it protects nothing: a drain may evict every replica of the workload it was meant for."
        var summary = "Point the selector at the pods the budget is for (the workload's pod template labels), or delete the budget."
        if let selector = budget.spec?.selector, selector.matchExpressions.isEmpty,
            let suggestion = SelectorSuggestion(selector: selector.matchLabels, pods: namespacePods) {
            rootCause = "PodDisruptionBudget \(ref.name) selects no pod (\(selector.matchLabels.selectorText)), so it protects nothing; " + suggestion.question(context.index)
            summary = "Change the selector to \(suggestion.corrected.selectorText)."
        }
        let noPods = context.index.events(for: ref).last { $0.reason == "NoPods" }
        return Finding(
            code: "pdb-no-matching-pods", severity: .warning, analyzer: descriptor.id, resource: ref,
            symptom: "selector \(selector) matches no pod",
            rootCause: rootCause,
            evidence: [Evidence(.spec, "selector \(selector)", object: ref), Evidence(.status, "expectedPods 0", object: ref)]
                + (noPods.map { [Evidence.event($0, object: ref)] } ?? []),
            since: budget.metadata.creationTimestamp,
            remediation: Remediation(action: .manual, summary: summary, command: "kubectl\(KubectlCommand.namespaceFlag(ref)) edit \(ref.typeAndName)", safeToAutoApply: false),
            confidence: 0.9)
    }

    /// One finding per group of budgets linked by shared pods, on the first of them by name:
    /// groups are disjoint, so no budget carries two overlap findings.
    private func overlaps(_ budgetsByPod: [String: [PodDisruptionBudget]]) -> [Finding] {
        var linked: [ResourceRef: Set<ResourceRef>] = [:]
        var sharedPods: [ResourceRef: Set<String>] = [:]
        for (pod, budgets) in budgetsByPod where budgets.count > 1 {
            let refs = budgets.map { $0.metadata.ref(kind: "PodDisruptionBudget") }
            for ref in refs {
                linked[ref, default: []].formUnion(refs)
                sharedPods[ref, default: []].insert(pod)
            }
        }
        var seen = Set<ResourceRef>()
        var findings: [Finding] = []
        for start in linked.keys.sorted() where !seen.contains(start) {
            var group: Set<ResourceRef> = [start]
            var queue = [start]
            while let next = queue.popLast() {
                for other in linked[next] ?? [] where group.insert(other).inserted { queue.append(other) }
            }
            seen.formUnion(group)
            findings.append(overlapFinding(group.sorted(), pods: group.reduce(into: Set<String>()) { $0.formUnion(sharedPods[$1] ?? []) }))
        }
        return findings
    }

    private func overlapFinding(_ budgets: [ResourceRef], pods: Set<String>) -> Finding {
        let ref = budgets[0]
        let names = budgets.map(\.name)
        let sample = pods.sorted().prefix(3).map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        return Finding(
            code: "pdb-overlapping", severity: .warning, analyzer: descriptor.id, resource: ref,
            pods: Finding.Pods(count: pods.count, sample: Array(sample)),
            symptom: "\(Wording.count(pods.count, "pod")) selected by \(Wording.list(names))",
            rootCause: "\(Wording.count(pods.count, "pod")) \(pods.count == 1 ? "is" : "are") selected by more than one PodDisruptionBudget (\(Wording.list(names))); the eviction API refuses to evict such a pod (\"This pod has more than one PodDisruptionBudget, which the eviction subresource does not support\"), so drains and node upgrades stop at \(pods.count == 1 ? "it" : "them").",
            evidence: budgets.map { budget in
                Evidence(.spec, "\(budget.name) shares pods with \(Wording.list(names.filter { $0 != budget.name }))", object: budget)
            },
            remediation: Remediation(
                action: .manual, summary: "Keep one budget per set of pods: delete the redundant one or make the selectors disjoint.",
                command: KubectlCommand.get("pdb", namespace: ref.namespace), safeToAutoApply: false),
            confidence: 0.95)
    }

    /// "minAvailable 2" or "maxUnavailable 0".
    private static func ruleText(_ budget: PodDisruptionBudget) -> String {
        if let value = budget.spec?.minAvailable { return "minAvailable \(value)" }
        if let value = budget.spec?.maxUnavailable { return "maxUnavailable \(value)" }
        return "no minAvailable or maxUnavailable"
    }

    private static func selectorText(_ budget: PodDisruptionBudget) -> String {
        guard let selector = budget.spec?.selector else { return "none" }
        let expressions = selector.matchExpressions.map { "\($0.key) \($0.operator) (\($0.values.joined(separator: ",")))" }
        let text = ([selector.matchLabels.selectorText].filter { !$0.isEmpty } + expressions).joined(separator: ",")
        return text.isEmpty ? "everything" : text
    }
}
