import HealModel

/// ReplicaSets that cannot create their pods (ReplicaFailure/FailedCreate): the API server
/// refuses them — an exhausted ResourceQuota, Pod Security or another admission check. And
/// standalone ReplicaSets (no Deployment owns them, so nothing else reports them) with fewer
/// ready replicas than they want.
struct ReplicaSetAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "replicaset", group: .workloads,
        summary: "ReplicaSets whose pods the API server refuses to create (quota, Pod Security, admission webhooks), quoting the refusal; standalone ReplicaSets short of ready replicas.",
        codes: ["replicaset-create-failed", "replicaset-not-ready"],
        reads: [.replicaSets],
        triggeringScenarios: ["replicaset-quota-exceeded"],
        nonTriggeringScenarios: ["shop", "failover-clean", "deployment-progress-deadline", "statefulset-not-ready", "daemonset-not-ready"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        context.snapshot.replicaSets.compactMap { replicaSet in
            guard (replicaSet.spec.replicas ?? 1) > 0 else { return nil }
            if let failure = replicaSet.status?.conditions["ReplicaFailure"], failure.isTrue {
                return finding(replicaSet, failure: failure, context: context)
            }
            // A Deployment's ReplicaSets are judged through it (deployment-unavailable).
            guard replicaSet.metadata.controller == nil, let status = replicaSet.status else { return nil }
            let ref = replicaSet.metadata.ref(kind: "ReplicaSet")
            let wanted = replicaSet.spec.replicas ?? 1
            let ready = status.readyReplicas ?? 0
            return ReplicaShortfall.finding(
                "replicaset-not-ready", analyzer: descriptor.id, workload: ref, wanted: wanted, ready: ready, unit: "replicas",
                status: Evidence(.status, "replicas \(wanted) desired, \(status.replicas ?? 0) created, \(ready) ready", object: ref),
                context: context)
        }
    }

    private func finding(_ replicaSet: ReplicaSet, failure: Condition, context: AnalysisContext) -> Finding {
        let ref = replicaSet.metadata.ref(kind: "ReplicaSet")
        let owner = replicaSet.metadata.controllerRef
        let refusals = context.index.events(for: ref).warnings(reasons: ["FailedCreate"])
        let message = refusals.last?.message ?? failure.message ?? ""
        let refusal = PodCreationFailure(message: message, namespace: ref.namespace)
        let servingReplicas = servingReplicas(of: replicaSet, owner: owner, context: context)
        let wanted = replicaSet.spec.replicas ?? 1
        let created = replicaSet.status?.replicas ?? 0
        let role = owner.map { " (\(replicaSet.revision.map { "revision \($0) of " } ?? "")\($0.kind) \($0.name))" } ?? ""
        let serving = servingReplicas > 0 ? "; \(owner.map { "\($0.kind) \($0.name)" } ?? "it") still has \(Wording.count(servingReplicas, "available replica"))" : ""
        var evidence = [
            Evidence(.status, "ReplicaFailure=True (\(failure.reason ?? "unknown")): \(failure.message ?? "")", object: ref, time: failure.lastTransitionTime),
            Evidence(.status, "replicas \(wanted) desired, \(created) created", object: ref),
        ]
        evidence += refusals.suffix(1).map { Evidence.event($0, object: ref) }
        return Finding(
            code: "replicaset-create-failed", severity: servingReplicas > 0 ? .warning : .critical, analyzer: descriptor.id,
            resource: ref, owner: owner,
            symptom: "FailedCreate: \(created) of \(wanted) pods created",
            rootCause: "ReplicaSet \(ref.name)\(role) cannot create pods: \(refusal.cause)\(serving).",
            evidence: evidence,
            since: failure.lastTransitionTime ?? refusals.first?.firstSeen,
            remediation: refusal.remediation,
            confidence: 0.95)
    }

    /// Available replicas of the owning Deployment (older revisions keep serving during a
    /// stuck rollout), else of the ReplicaSet itself.
    private func servingReplicas(of replicaSet: ReplicaSet, owner: ResourceRef?, context: AnalysisContext) -> Int {
        let deployment = owner.flatMap { owner in
            context.snapshot.deployments.first { $0.metadata.namespace == owner.namespace && $0.metadata.name == owner.name }
        }
        return deployment?.availableReplicas ?? replicaSet.status?.availableReplicas ?? 0
    }
}
