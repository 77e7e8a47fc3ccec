import HealModel

/// Deployments that serve fewer replicas than they want, or whose rollout stopped making
/// progress, explained by their newest revision's pods or their ReplicaSet's refusal.
struct DeploymentAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "deployment", group: .workloads,
        summary: "Deployments with fewer available replicas than desired, or whose rollout exceeded its progress deadline, with the newest revision's pods that are not Ready and why.",
        codes: ["deployment-unavailable", "progress-deadline-exceeded"],
        reads: [.deployments],
        triggeringScenarios: [
            "deployment-unavailable", "deployment-progress-deadline", "replicaset-quota-exceeded", "readiness-probe-failing", "agentic-demo",
        ],
        nonTriggeringScenarios: ["shop", "failover-clean", "starting-pods", "container-creating-stuck", "evicted", "liveness-probe-restarts"])

    /// Progressing reasons of a rollout that is moving and not yet past its deadline.
    static let rolloutInProgressReasons: Set<String> = ["NewReplicaSetCreated", "FoundNewReplicaSet", "ReplicaSetUpdated"]

    func analyze(_ context: AnalysisContext) -> [Finding] {
        context.snapshot.deployments.compactMap { deployment in
            // Not yet observed by its controller: nothing to judge.
            guard deployment.desiredReplicas > 0, let status = deployment.status else { return nil }
            let progressing = status.conditions["Progressing"]
            if deployment.spec.paused != true, let progressing, progressing.isFalse, progressing.reason == "ProgressDeadlineExceeded" {
                return deadlineFinding(deployment, condition: progressing, context: context)
            }
            guard deployment.availableReplicas < deployment.desiredReplicas else { return nil }
            // A rolling update within its deadline and above minimum availability is working as designed.
            let rollingOut = progressing.map { $0.isTrue && Self.rolloutInProgressReasons.contains($0.reason ?? "") } ?? false
            if rollingOut, status.conditions["Available"]?.isTrue == true { return nil }
            return unavailableFinding(deployment, context: context)
        }
    }

    private func unavailableFinding(_ deployment: Deployment, context: AnalysisContext) -> Finding? {
        let ref = deployment.metadata.ref(kind: "Deployment")
        let shortfall = shortfall(deployment, revision: NewestRevision(of: deployment, context: context), context: context)
        let available = deployment.status?.conditions["Available"]
        let since = available.flatMap { $0.isFalse ? $0.lastTransitionTime : nil } ?? shortfall.since
        guard !ReplicaShortfall.isStarting(since: since, context) else { return nil }
        return shortfall.finding(
            "deployment-unavailable", analyzer: descriptor.id,
            counts: "\(deployment.availableReplicas) of \(deployment.desiredReplicas) replicas available", serving: deployment.availableReplicas > 0,
            status: statusEvidence(deployment, ref: ref), since: since)
    }

    private func deadlineFinding(_ deployment: Deployment, condition: Condition, context: AnalysisContext) -> Finding {
        let ref = deployment.metadata.ref(kind: "Deployment")
        let revision = NewestRevision(of: deployment, context: context)
        let shortfall = shortfall(deployment, revision: revision, context: context)
        let deadline = deployment.spec.progressDeadlineSeconds ?? 600
        let rollout = revision.name.map { "The rollout of ReplicaSet \($0)\(revision.number.map { " (revision \($0))" } ?? "")" } ?? "The rollout"
        let serving = "\(deployment.availableReplicas) of \(deployment.desiredReplicas) replicas are still available"
        return Finding(
            code: "progress-deadline-exceeded", severity: deployment.availableReplicas > 0 ? .warning : .critical, analyzer: descriptor.id, resource: ref,
            pods: shortfall.pods,
            symptom: "Progressing=False (ProgressDeadlineExceeded); \(deployment.availableReplicas)/\(deployment.desiredReplicas) available",
            rootCause: "\(rollout) made no progress for \(deadline) s (progressDeadlineSeconds)" + (shortfall.explanation.map { ": \($0)" } ?? "") + "; \(serving).",
            evidence: statusEvidence(deployment, ref: ref) + shortfall.evidence,
            since: condition.lastTransitionTime,
            remediation: rollbackRemedy(ref, revision: revision) ?? shortfall.remediation,
            confidence: shortfall.explanation == nil ? 0.7 : 0.85)
    }

    /// The newest revision's pods that are not Ready, and the ReplicaSet's refusal to create
    /// more (the Deployment copies it as its ReplicaFailure condition).
    private func shortfall(_ deployment: Deployment, revision: NewestRevision, context: AnalysisContext) -> ReplicaShortfall {
        let ref = deployment.metadata.ref(kind: "Deployment")
        let failure = (deployment.status?.conditions ?? [])["ReplicaFailure"].flatMap { $0.isTrue ? $0 : nil }
        let refused = failure.map { condition in
            ReplicaShortfall.Refusal(
                message: condition.message ?? "",
                evidence: [Evidence(.status, "ReplicaFailure=True (\(condition.reason ?? "unknown")): \(condition.message ?? "")", object: ref, time: condition.lastTransitionTime)],
                since: condition.lastTransitionTime)
        }
        return ReplicaShortfall(workload: ref, pods: revision.pods, refused: refused, context: context)
    }

    private func statusEvidence(_ deployment: Deployment, ref: ResourceRef) -> [Evidence] {
        let status = deployment.status
        var evidence = [Evidence(
            .status,
            "replicas \(deployment.desiredReplicas) desired, \(status?.updatedReplicas ?? 0) updated, \(status?.readyReplicas ?? 0) ready, \(deployment.availableReplicas) available",
            object: ref)]
        for condition in status?.conditions ?? [] where condition.type == "Available" || condition.type == "Progressing" {
            evidence.append(Evidence(
                .status, "\(condition.type)=\(condition.status) (\(condition.reason ?? "")): \(condition.message ?? "")", object: ref,
                time: condition.lastTransitionTime))
        }
        return evidence
    }

    /// Back to the revision before the stuck one, when that revision still serves. Not applied
    /// automatically: the new revision may be intended, and only a person knows.
    private func rollbackRemedy(_ ref: ResourceRef, revision: NewestRevision) -> Remediation? {
        guard let previous = revision.previousServing else { return nil }
        return Remediation(
            action: .rollback,
            summary: "Roll \(ref.typeAndName) back to revision \(previous), which still serves, then fix the new revision before rolling forward again.",
            parameters: ["revision": String(previous)],
            command: KubectlCommand.rollback(ref, toRevision: previous),
            safeToAutoApply: false)
    }
}
