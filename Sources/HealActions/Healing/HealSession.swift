import Foundation
import HealAnalysis
import HealKube
import HealModel
import HealStore
import Logging

/// The observe → plan → act → verify → learn loop for the incidents of one diagnosis. Used
/// once by `diagnose --fix` and for every change by `diagnose --watch --fix`. Incidents are
/// healed one at a time; everything it sees, decides and does is reported as a `HealEvent`.
package actor HealSession {
    let store: any FixStore
    let executor: HealExecutor
    let planner: HealPlanner
    let limits: HealLimits
    let identity: HealIdentity
    let approve: HealApprover
    /// Asked for a plan when no rule and no learned fix covers an incident (the LLM, when configured).
    let advisor: (any IncidentPlanAdvisor)?
    let emit: @Sendable (HealEvent) -> Void
    let now: @Sendable () -> Date
    /// Actions taken by this process: the cap and cooldown count them even before the store
    /// answers (and with a store shared by others, theirs count too).
    private var actionTimes: [(workload: String, time: Date)] = []
    /// Workloads whose last change is live but unverified, with that attempt: no new change
    /// starts on them. Known from `finishUnverified` (which every run calls before healing) and
    /// kept current by this session's own records, so no incident reads the whole audit trail.
    private var unverified: [WorkloadKey: AttemptRecord] = [:]

    package init(
        store: any FixStore, executor: HealExecutor, planner: HealPlanner, limits: HealLimits, identity: HealIdentity,
        approve: @escaping HealApprover, advisor: (any IncidentPlanAdvisor)? = nil, emit: @escaping @Sendable (HealEvent) -> Void,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.executor = executor
        self.planner = planner
        self.limits = limits
        self.identity = identity
        self.approve = approve
        self.advisor = advisor
        self.emit = emit
        self.now = now
    }

    /// The findings worth healing: one per workload and container, with a remediation a rule
    /// can apply — or, when an advisor may plan them, with none.
    package nonisolated func incidents(in findings: [Finding]) -> [Finding] {
        var seen: Set<String> = []
        return findings.filter { finding in
            guard finding.isIncidentGrade, finding.owner != nil else { return false }
            let ruled = finding.remediation.map { $0.action != .manual } ?? false
            guard ruled || advisor != nil else { return false }
            return seen.insert("\(finding.workload)/\(finding.container ?? "")").inserted
        }
    }

    /// Incidents whose last step did not verify: the fixes tried were rolled back, failed,
    /// were refused or were left unverified.
    package private(set) var incidentsNotFixed = 0
    /// Steps refused because someone else changed the object (the run exits 75).
    package private(set) var refusedForConflict = 0
    /// Writes answered 409 Conflict and retried, over every step.
    package private(set) var conflictsRetried = 0

    /// Heals one incident (a finding from `incidents(in:)`); returns the outcome of the last
    /// step tried, nil when nothing was tried.
    @discardableResult
    package func heal(_ finding: Finding, snapshot: ClusterSnapshot, detectedAt: Date) async throws(StoreError) -> AttemptRecord.Outcome? {
        let outcome = try await attempt(finding, snapshot: snapshot, detectedAt: detectedAt)
        if let outcome, outcome != .succeeded { incidentsNotFixed += 1 }
        return outcome
    }

    private func attempt(_ finding: Finding, snapshot: ClusterSnapshot, detectedAt: Date) async throws(StoreError) -> AttemptRecord.Outcome? {
        let workload = finding.workload
        let incident = Self.incident(finding, in: snapshot)
        let fingerprint = incident.fingerprint.hash
        let key = WorkloadKey(namespace: workload.namespace ?? "default", kind: workload.kind, name: workload.name)
        func report(_ type: HealEvent.EventType, _ message: String, step: HealStep? = nil, verification: String? = nil, seconds: Double? = nil, result: HealStepResult? = nil) {
            var event = HealEvent(
                type: type, time: now(), workload: workload, container: finding.container, code: finding.code, severity: finding.severity,
                fingerprint: fingerprint, message: message, step: step, verification: verification, seconds: seconds)
            event.observedGenerationSeconds = result?.observedGenerationSeconds
            event.verdictSeconds = result?.verdictSeconds
            emit(event)
        }

        if let pending = unverified[key] {
            report(.leftAlone, "\(Self.saw(finding)); left alone: an earlier \(pending.action) on it is live but unverified (\(pending.verification)); the next --fix run finishes it first")
            return nil
        }
        let attempts = try await store.attempts(fingerprint: fingerprint, workload: key)
        let failedBefore = Set(attempts.filter { $0.outcome.verdict == false }.map { HealStep.identity(action: $0.action, parameters: $0.parameters) })
        let learned = try await store.patterns(fingerprint: fingerprint).filter { $0.successes > 0 }.compactMap { pattern in
            Remediation.Action(rawValue: pattern.action).map {
                LearnedFix(patternID: pattern.id, action: $0, template: pattern.template, valueForWorkload: pattern.learnedValues[key.description],
                           successes: pattern.successes, failures: pattern.failures)
            }
        }
        var plan = planner.plan(incident, learned: learned, failedBefore: failedBefore)
        let saw = Self.saw(finding)
        var llmCalls = 0
        if plan.uncovered, let advisor {
            let advised = await advisor.proposePlan(for: incident, in: snapshot, settings: planner.settings)
            llmCalls = advised.calls
            switch Self.validated(advised, incident: incident, settings: planner.settings, failedBefore: failedBefore) {
            case .success(let steps):
                plan = HealPlan(steps: steps)
            case .failure(let why):
                let cost = llmCalls == 0 ? "" : " (\(llmCalls) LLM request\(llmCalls == 1 ? "" : "s"))"
                report(.leftAlone, "\(saw); left alone: no rule covers it, and \(why.reason)\(cost)")
                return nil
            }
        }
        guard !plan.steps.isEmpty else {
            report(.leftAlone, "\(saw); left alone: \(plan.leftAlone ?? "no safe action")")
            return nil
        }
        let deployment = snapshot.deployments.first { $0.metadata.name == workload.name && $0.metadata.namespace == workload.namespace }
        if let refusal = try await refusal(for: workload, deployment: deployment) {
            report(.leftAlone, "\(saw); left alone: \(refusal)")
            return nil
        }

        var outcome: AttemptRecord.Outcome?
        for step in plan.steps {
            // Interrupted (SIGINT/SIGTERM): the step under way was restored; nothing new starts.
            if Task.isCancelled { return outcome }
            switch await approve(step, deployment?.metadata.labels ?? [:]) {
            case .declined(let why):
                report(.leftAlone, "\(saw); would \(step.summary), but \(why)", step: step)
                return outcome
            case .approved(let why):
                report(.applying, "\(saw); decided to \(step.summary) (\(step.reason); \(why))", step: step)
            }
            actionTimes.append((key.description, now()))
            let result = await executor.run(step, workload: workload)
            try await learn(result, incident: incident, key: key, finding: finding, detectedAt: detectedAt, llmCalls: llmCalls)
            llmCalls = 0
            outcome = result.outcome
            conflictsRetried += result.conflictsRetried
            if result.refusedForConflict { refusedForConflict += 1 }
            switch result.outcome {
            case .succeeded:
                report(.succeeded, "\(workload.typeAndName): \(step.summary) — verified: \(result.verification)", step: step, verification: result.verification, seconds: result.seconds, result: result)
                return outcome
            case .rolledBack:
                report(.rolledBack, "\(workload.typeAndName): \(step.summary) did not verify: \(result.verification)", step: step, verification: result.verification, seconds: result.seconds, result: result)
            case .failed:
                report(.failed, "\(workload.typeAndName): \(step.summary) did not help: \(result.verification)", step: step, verification: result.verification, seconds: result.seconds, result: result)
                return outcome
            case .refused:
                report(.refused, "\(workload.typeAndName): \(step.summary) — \(result.verification)", step: step, verification: result.verification, seconds: result.seconds, result: result)
                return outcome
            case .interrupted:
                report(.interrupted, "\(workload.typeAndName): \(step.summary): \(result.verification)", step: step, verification: result.verification, seconds: result.seconds, result: result)
                return outcome
            case .unverified:
                report(.unverified, "\(workload.typeAndName): \(step.summary): \(result.verification)", step: step, verification: result.verification, seconds: result.seconds, result: result)
                return outcome
            }
        }
        return outcome
    }

    /// `diagnose --fix`, once: the changes earlier runs left unverified are finished first, then
    /// each incident of `findings` is healed in turn, except on workloads just finished (their
    /// findings predate that). A cancelled task (SIGINT) starts nothing new.
    package func healOnce(_ findings: [Finding], snapshot: ClusterSnapshot, namespaces: Set<String>?) async throws(StoreError) {
        let finished = try await finishUnverified(in: namespaces)
        for finding in incidents(in: findings) where !Task.isCancelled {
            let workload = finding.workload
            guard !finished.contains(WorkloadKey(namespace: workload.namespace ?? "default", kind: workload.kind, name: workload.name)) else { continue }
            try await heal(finding, snapshot: snapshot, detectedAt: now())
        }
    }

    /// Finishes the changes earlier runs left live but unverified on this cluster (the store may
    /// serve several contexts), in `namespaces` (nil: all): each is verified, or restored,
    /// before anything new is tried, and the outcome is recorded as a new attempt of the same
    /// pattern. Returns the workloads it finished, whose findings predate it.
    @discardableResult
    package func finishUnverified(in namespaces: Set<String>?) async throws(StoreError) -> Set<WorkloadKey> {
        let records = try await store.attempts(patternID: nil).filter { $0.context == identity.context }
        let latest = Dictionary(records.map { ($0.workload, $0) }) { first, second in first.finishedAt >= second.finishedAt ? first : second }
        var finished: Set<WorkloadKey> = []
        for record in latest.values.sorted(by: { $0.finishedAt < $1.finishedAt })
        where record.outcome == .unverified && namespaces.map({ $0.contains(record.workload.namespace) }) ?? true {
            if Task.isCancelled { break }
            finished.insert(record.workload)
            let workload = ResourceRef(kind: record.workload.kind, namespace: record.workload.namespace, name: record.workload.name)
            let startedAt = now()
            let resumed = await executor.resume(record)
            conflictsRetried += resumed.conflictsRetried
            if resumed.refusedForConflict { refusedForConflict += 1 }
            if ![.succeeded, .refused].contains(resumed.outcome) { incidentsNotFixed += 1 }
            var closing = record
            closing.id = UUID().uuidString.lowercased()
            closing.outcome = resumed.outcome
            closing.verification = resumed.verification
            closing.startedAt = startedAt
            closing.finishedAt = now()
            closing.llmCalls = 0
            // The pattern as it is (pruned meanwhile: made again from the record).
            let pattern = try await store.pattern(id: record.patternID)
            try await store.record(closing, pattern: PatternDraft(
                fingerprint: record.fingerprint, signature: pattern?.signature ?? [:], action: record.action,
                template: pattern?.template ?? [:], learnedValue: nil))
            unverified[record.workload] = closing.outcome == .unverified ? closing : nil
            let type: HealEvent.EventType = switch resumed.outcome {
            case .succeeded: .succeeded
            case .rolledBack: .rolledBack
            case .refused: .refused
            default: .unverified
            }
            emit(HealEvent(
                type: type, time: now(), workload: workload, container: record.container, code: record.findingCode, fingerprint: record.fingerprint,
                message: "\(workload.typeAndName) in \(record.workload.namespace): the \(record.action) an earlier run left unverified — \(resumed.verification)",
                verification: resumed.verification, seconds: closing.finishedAt.timeIntervalSince(startedAt)))
        }
        return finished
    }

    // MARK: Steps of the loop

    static func incident(_ finding: Finding, in snapshot: ClusterSnapshot) -> HealIncident {
        let pod = snapshot.pods.first { $0.metadata.name == finding.resource.name && $0.metadata.namespace == finding.resource.namespace }
        let logs = pod.flatMap { pod in
            finding.container.flatMap { snapshot.logs[ContainerLogKey(namespace: pod.metadata.namespace ?? "default", pod: pod.metadata.name, container: $0)] }
        }
        let deployment = finding.owner.flatMap { owner in
            snapshot.deployments.first { $0.metadata.name == owner.name && $0.metadata.namespace == owner.namespace && owner.kind == "Deployment" }
        }
        let current = deployment?.metadata.annotations["deployment.kubernetes.io/revision"].flatMap { Int($0) }
        let revisions = deployment.map { deployment in
            snapshot.replicaSets.filter { $0.metadata.namespace == deployment.metadata.namespace && $0.metadata.ownerReferences.contains { $0.uid == deployment.metadata.uid } }
                .compactMap(\.revision).filter { $0 != current }.sorted()
        } ?? []
        return HealIncident(
            finding: finding, fingerprint: IncidentFingerprint.of(finding, pod: pod, logs: logs),
            templateContainers: deployment?.spec.template?.spec.containers ?? [], earlierRevisions: revisions)
    }

    /// "saw memory-hungry OOMKilled …": the finding's own words.
    static func saw(_ finding: Finding) -> String {
        "\(finding.workload.typeAndName) in \(finding.workload.namespace ?? "default"): saw \(finding.symptom)"
    }

    /// Why this workload must not be touched now, if it must not.
    private func refusal(for workload: ResourceRef, deployment: Deployment?) async throws(StoreError) -> String? {
        let namespace = workload.namespace ?? "default"
        if let refusal = ChangeGuard.refusal(
            namespace: namespace, namespaceNamed: limits.namedNamespaces.contains(namespace), metadata: deployment?.metadata, force: limits.force)
        {
            return refusal
        }
        let current = now()
        let key = WorkloadKey(namespace: namespace, kind: workload.kind, name: workload.name)
        let created = deployment?.metadata.creationTimestamp?.date ?? .distantPast
        let recent = try await store.attempts(finishedSince: current.addingTimeInterval(-limits.window))
        let lastHere = (recent.filter { $0.workload == key }.map(\.finishedAt) + actionTimes.filter { $0.workload == key.description }.map(\.time)).max()
        // creationTimestamp has whole seconds: a workload created in the second of the last
        // action counts as re-created (a new object, whose incidents are new).
        if let lastHere, current.timeIntervalSince(lastHere) < limits.cooldown, lastHere.timeIntervalSince1970.rounded(.down) > created.timeIntervalSince1970 {
            return "it was acted on \(DurationText.format(seconds: current.timeIntervalSince(lastHere))) ago; the cooldown is \(DurationText.format(seconds: limits.cooldown))"
        }
        let inWindow = max(recent.count, actionTimes.filter { current.timeIntervalSince($0.time) < limits.window }.count)
        if inWindow >= limits.maxActions {
            return "\(inWindow) actions were taken in the last \(DurationText.format(seconds: limits.window)), the --max-actions cap"
        }
        return nil
    }

    /// An advisor's plan as steps to try, or why there are none.
    static func validated(_ advised: AdvisedPlan, incident: HealIncident, settings: HealPlannerSettings, failedBefore: Set<String>) -> Result<[HealStep], PlanRejection> {
        let proposal: PlanProposal
        switch advised.answer {
        case .unavailable(let why): return .failure(PlanRejection("the LLM gave no plan: \(why)"))
        case .proposal(let proposed): proposal = proposed
        }
        switch PlanValidator(settings: settings).steps(for: proposal, incident: incident, source: .llm) {
        case .failure(let rejection):
            return .failure(PlanRejection("the LLM's plan was rejected: \(rejection.reason)"))
        case .success(let steps):
            let fresh = steps.filter { !failedBefore.contains($0.identity) }
            return fresh.isEmpty ? .failure(PlanRejection("the LLM's plan repeats what did not verify before")) : .success(fresh)
        }
    }

    /// Appends the audit record and updates the pattern; `llmCalls` is what planning it cost.
    private func learn(_ result: HealStepResult, incident: HealIncident, key: WorkloadKey, finding: Finding, detectedAt: Date, llmCalls: Int) async throws(StoreError) {
        let step = result.step
        let fingerprint = incident.fingerprint
        let draft = PatternDraft(
            fingerprint: fingerprint.hash, signature: fingerprint.parts, action: step.action.rawValue, template: step.template,
            learnedValue: result.outcome == .succeeded ? step.learnedValue : nil)
        let record = AttemptRecord(
            patternID: draft.patternID, fingerprint: fingerprint.hash, user: identity.user, context: identity.context, workload: key,
            container: step.container, findingCode: finding.code, action: step.action.rawValue, parameters: step.parameters,
            patch: result.patch, priorState: result.priorState, outcome: result.outcome, verification: result.verification,
            source: AttemptRecord.Source(rawValue: step.source.rawValue) ?? .rule, incidentSince: finding.since?.date,
            detectedAt: detectedAt, startedAt: result.startedAt, finishedAt: result.finishedAt, llmCalls: llmCalls)
        // An interrupted run (SIGINT) still records what it did: in a task the signal does not cancel.
        let store = store
        let written = await Task.detached { () async -> Result<LearnedPattern, StoreError> in
            do throws(StoreError) { return .success(try await store.record(record, pattern: draft)) } catch { return .failure(error) }
        }.value
        _ = try written.get()
        unverified[key] = record.outcome == .unverified ? record : nil
    }
}
