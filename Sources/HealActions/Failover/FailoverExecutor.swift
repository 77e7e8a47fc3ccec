import Foundation
import HealAnalysis
import HealKube
import HealModel
import Logging

/// Carries out a `FailoverPlan` on the cluster: scale the standby, wait until it is Ready,
/// switch the Service selector under a resourceVersion precondition, verify the Service has
/// ready endpoints on the new colour, switch back if it does not, and scale the old colour down
/// later. Every write is dry-run on the server first. Each step is timed and reported through
/// `onStep` as it ends.
package struct FailoverExecutor: Sendable {
    package struct Settings: Sendable {
        /// Act on objects that Argo CD or Flux manage.
        package var force = false
        /// False when the namespace came from the kubeconfig context rather than `-n`.
        package var namespaceNamed = true
        package var pollInterval: Duration = .milliseconds(200)
        /// Writes answered 409 Conflict (the object changed since it was read) are read again
        /// and retried, bounded.
        package var conflictRetry = ConflictRetry()
        /// `--policy`: a failover scales both colours' Deployments, so a `scale` deny on either
        /// refuses it. nil: no policy file.
        package var policy: HealPolicy?

        package init(force: Bool = false, namespaceNamed: Bool = true) {
            self.force = force
            self.namespaceNamed = namespaceNamed
        }
    }

    let observer: FailoverObserver
    let events: EventRecorder
    let settings: Settings
    let logger: Logger
    let now: @Sendable () -> Date
    let onStep: @Sendable (FailoverResult.Step) -> Void

    package init(
        observer: FailoverObserver, events: EventRecorder, settings: Settings, logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init, onStep: @escaping @Sendable (FailoverResult.Step) -> Void = { _ in }
    ) {
        self.observer = observer
        self.events = events
        self.settings = settings
        self.logger = logger
        self.now = now
        self.onStep = onStep
    }

    private var client: KubeClient { observer.client }
    private var outages: OutageRetry { OutageRetry(window: .seconds(60), logger: logger) }
    private var namespace: String { observer.namespace }

    /// Refuses objects managed by GitOps (without `--force`) and kube-system (unless named),
    /// before anything is written.
    package func checkSafety(_ plan: FailoverPlan) async throws {
        if plan.namespace == "kube-system" && !settings.namespaceNamed {
            throw FailoverError.kubeSystemNotNamed(service: plan.service)
        }
        let service = try await observer.serviceObject()
        var managed = [("service/\(plan.service)", service.metadata)]
        for name in [plan.toDeployment, plan.fromDeployment].compactMap({ $0 }) {
            let metadata = try await observer.object(.deployments, named: name, as: Deployment.self).metadata
            if let verdict = settings.policy?.verdict(for: .scale, namespace: plan.namespace, labels: metadata.labels), verdict.decision == .deny {
                throw FailoverError.policyDenied(deployment: name, reason: verdict.reason)
            }
            managed.append(("deployment/\(name)", metadata))
        }
        for (object, metadata) in managed {
            guard let manager = GitOpsOwnership.manager(of: metadata) else { continue }
            guard settings.force else { throw FailoverError.gitOpsManaged(object: object, manager: manager) }
            logger.warning("\(object) is managed by \(manager): its auto-sync will revert the switch unless the colour is changed in Git too (--force given)")
        }
    }

    package func run(_ plan: FailoverPlan) async throws -> FailoverResult {
        var result = FailoverResult(plan: plan, outcome: .nothingToDo)
        guard !plan.alreadyActive else { return result }
        let started = ContinuousClock.now
        let subject = try await serviceSubject()
        await events.record(on: subject, type: "Normal", reason: "FailoverStarted", message: "Failing over from \(plan.from ?? "no colour") to \(plan.to): \(plan.reason)")

        var scaled = false
        var generation = 0
        if plan.standbyReplicasBefore < plan.replicas {
            do {
                try await timed(.scaleStandby, into: &result) {
                    let scaling = try await scale(plan.toDeployment, from: plan.standbyReplicasBefore, to: plan.replicas)
                    generation = scaling.generation
                    scaled = scaling.wrote
                    return scaling.wrote
                        ? "deployment/\(plan.toDeployment) \(plan.standbyReplicasBefore) → \(plan.replicas) replicas"
                        : "deployment/\(plan.toDeployment) already has at least \(plan.replicas) replicas"
                }
            } catch where Task.isCancelled {
                // Interrupted with the scale-up in flight: it may have landed, so it is undone as
                // after a scale-up (which writes nothing when it did not land).
                await scaleBack(plan)
                return await notSwitched(.interrupted(standby: plan.toDeployment), on: subject, result, started: started)
            }
        }
        do {
            try await timed(.waitReady, into: &result) { try await waitUntilReady(plan, generation: generation) }
        } catch {
            // Not switched: a standby this failover scaled up goes back to its size, in a task of
            // its own so an interruption does not cancel the undo too.
            if scaled { await scaleBack(plan) }
            let refusal = Task.isCancelled ? FailoverError.interrupted(standby: scaled ? plan.toDeployment : nil) : error as? FailoverError
            guard let refusal else { throw error }
            return await notSwitched(refusal, on: subject, result, started: started)
        }
        if Task.isCancelled {
            if scaled { await scaleBack(plan) }
            return await notSwitched(.interrupted(standby: scaled ? plan.toDeployment : nil), on: subject, result, started: started)
        }
        try await timed(.switchSelector, into: &result) {
            // Past this point a signal no longer stops the failover: a switch cut off in flight
            // might have landed unverified.
            try await Task.detached { [self] in try await switchSelector(plan, from: plan.from, to: plan.to, outcome: "switched") }.value
            return "selector \(plan.colourLabel)=\(plan.from ?? "none") → \(plan.colourLabel)=\(plan.to)"
        }
        do {
            // Once switched, the switch is the change: a signal does not cut its verification short.
            try await timed(.verify, into: &result) { try await Task.detached { [self] in try await verify(plan) }.value }
        } catch is VerificationFailed {
            if let from = plan.from {
                try await timed(.rollback, into: &result) {
                    try await switchSelector(plan, from: plan.to, to: from, outcome: "rolled-back")
                    return "selector back to \(plan.colourLabel)=\(from)"
                }
            }
            await events.record(
                on: subject, type: "Warning", reason: "FailoverRolledBack",
                message: "Switched to \(plan.to) but it had no ready endpoints within \(DurationText.format(seconds: plan.timeoutSeconds)); switched back to \(plan.from ?? "no colour")")
            result.outcome = .rolledBack
            return finish(result, started: started)
        }
        result.outcome = .succeeded
        result.failoverSeconds = started.duration(to: .now).seconds
        await events.record(
            on: subject, type: "Normal", reason: "FailoverSucceeded",
            message: "Service \(plan.service) now sends traffic to \(plan.to) (\(plan.toDeployment)); failover took \(String(format: "%.1f", result.failoverSeconds))s")
        if case .scaleDown(let delay) = plan.oldColour, let old = plan.fromDeployment {
            await scaleDownOld(old, after: delay, into: &result)
        }
        result.totalSeconds = started.duration(to: .now).seconds
        return result
    }

    // MARK: Steps

    private struct VerificationFailed: Error {}

    /// Until the standby's controller has observed the scale-up (`generation`, 0 when nothing was
    /// scaled) and enough pods of its current template are Ready; old or terminating pods
    /// never count.
    private func waitUntilReady(_ plan: FailoverPlan, generation: Int) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(plan.timeoutSeconds)
        let writtenAt = Date()
        let outages = OutageRetry(window: .seconds(plan.timeoutSeconds), logger: logger)
        while true {
            let (status, rollout) = try await outages.run("waiting for \(plan.toDeployment)") {
                (try await observer.status(now: now()),
                 try await RolloutObservation.read(plan.toDeployment, namespace: namespace, generation: generation, writtenAt: writtenAt, client: client, pods: nil))
            }
            guard let colour = status.colour(plan.to) else {
                throw FailoverError.objectMissing(kind: "deployment", name: plan.toDeployment, namespace: namespace)
            }
            let ready = rollout.newPods.filter(\.isReady).count
            if rollout.observed, ready >= plan.replicas {
                return "\(ready) of \(plan.replicas) pods of \(plan.toDeployment) Ready"
            }
            if !colour.canTakeTraffic {
                throw FailoverError.standbyCannotBecomeReady(colour: plan.to, deployment: plan.toDeployment, reason: colour.reason ?? colour.state.rawValue)
            }
            if ContinuousClock.now >= deadline {
                throw FailoverError.standbyNotReadyInTime(
                    colour: plan.to, deployment: plan.toDeployment, ready: colour.readyReplicas, wanted: plan.replicas,
                    timeoutSeconds: plan.timeoutSeconds, reason: colour.reason ?? "")
            }
            try await Task.sleep(for: settings.pollInterval)
        }
    }

    private func verify(_ plan: FailoverPlan) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(plan.timeoutSeconds)
        let outages = OutageRetry(window: .seconds(plan.timeoutSeconds), logger: logger)
        while true {
            let status = try await outages.run("verifying service/\(plan.service)") { try await observer.status(now: now()) }
            if status.activeColour == plan.to, let colour = status.colour(plan.to), colour.readyEndpoints > 0 {
                return "\(colour.readyEndpoints) ready endpoint(s) on \(plan.to) behind service/\(plan.service)"
            }
            if ContinuousClock.now >= deadline {
                logger.warning("service/\(plan.service) has no ready endpoints on \(plan.to) after \(DurationText.format(seconds: plan.timeoutSeconds)): \(status.reason)")
                throw VerificationFailed()
            }
            try await Task.sleep(for: settings.pollInterval)
        }
    }

    /// Waits, then scales the old colour to 0; an interruption during the wait leaves it
    /// running (reported as skipped), which is the safe side.
    package func scaleDownOld(_ deployment: String, after delay: Double, into result: inout FailoverResult) async {
        let started = ContinuousClock.now
        var step = FailoverResult.Step(kind: .scaleDownOld, result: .done, seconds: 0, detail: "deployment/\(deployment) → 0 replicas after \(DurationText.format(seconds: delay))")
        do {
            try await Task.sleep(for: .seconds(delay))
            // A signal during the wait skips it; once written, the scale-down is seen through.
            _ = try await Task.detached { [self] in try await scale(deployment, from: nil, to: 0) }.value
        } catch where Task.isCancelled {
            step.result = .skipped
            step.detail = "interrupted: deployment/\(deployment) keeps its replicas"
        } catch {
            step.result = .failed
            step.detail = "deployment/\(deployment) was not scaled down: \(error)"
            logger.warning("\(step.detail)")
        }
        step.seconds = started.duration(to: .now).seconds
        result.steps.append(step)
        onStep(step)
    }

    // MARK: Writes

    /// `spec.replicas` by merge patch with the resourceVersion just read as precondition, only
    /// while it is still `from` (nil: whatever it is): an HPA or a person who changed it since
    /// is not overwritten. A scale-up finding enough replicas already writes nothing. Returns
    /// the Deployment's generation after it, and whether it wrote.
    @discardableResult
    private func scale(_ name: String, from: Int?, to replicas: Int) async throws -> (generation: Int, wrote: Bool) {
        try await retryingConflicts {
            let current = try await outages.run("reading deployment/\(name)") {
                try await observer.object(.deployments, named: name, as: Deployment.self)
            }
            let generation = current.metadata.generation ?? 0
            let scalingUp = from.map { replicas > $0 } ?? false
            if current.desiredReplicas == replicas || (scalingUp && current.desiredReplicas > replicas) { return (generation, false) }
            if let from, current.desiredReplicas != from {
                throw FailoverError.replicasChangedConcurrently(deployment: name, expected: from, found: current.desiredReplicas)
            }
            let patch: [String: Any] = ["metadata": ["resourceVersion": current.metadata.resourceVersion ?? ""], "spec": ["replicas": replicas]]
            let answer = try await apply(.deployments, name: name, patch: patch)
            return (try JSONDecoder().decode(Deployment.self, from: answer).metadata.generation ?? generation, true)
        }
    }

    /// Undoes the standby's scale-up; a failure is said, not thrown, so the report of why the
    /// failover stopped is not lost.
    private func scaleBack(_ plan: FailoverPlan) async {
        let (name, from, to) = (plan.toDeployment, plan.replicas, plan.standbyReplicasBefore)
        let undo = await Task.detached { [self] in try await scale(name, from: from, to: to) }.result
        if case .failure(let error) = undo {
            logger.warning("deployment/\(name) was left at its scaled-up size: \((error as? FailoverError)?.message ?? "\(error)")")
        }
    }

    /// Points the selector at `to` if it still points at `from`; records the annotation.
    private func switchSelector(_ plan: FailoverPlan, from: String?, to: String, outcome: String) async throws {
        try await retryingConflicts {
            let service = try await observer.serviceObject()
            let current = service.spec.selector[plan.colourLabel]
            guard current == from else {
                throw FailoverError.selectorChangedConcurrently(
                    service: plan.service, expected: "\(plan.colourLabel)=\(from ?? "none")", found: "\(plan.colourLabel)=\(current ?? "none")")
            }
            let annotation = FailoverAnnotation(from: from, to: to, reason: plan.reason, time: Timestamp(now()), outcome: outcome)
            let patch: [String: Any] = [
                "metadata": ["resourceVersion": service.metadata.resourceVersion ?? "", "annotations": [FailoverAnnotation.key: annotation.value]],
                "spec": ["selector": [plan.colourLabel: to]],
            ]
            _ = try await apply(.services, name: plan.service, patch: patch)
        }
    }

    /// Server-side dry run, then the real merge patch; returns the server's answer.
    private func apply(_ kind: ResourceKind, name: String, patch: [String: Any]) async throws -> Data {
        let body = JSONBody.encode(patch)
        logger.info("patch \(kind.kind.lowercased())/\(name) in namespace \(namespace): \(String(decoding: body, as: UTF8.self))")
        _ = try await client.patch(kind, namespace: namespace, name: name, body: body, type: .merge, dryRun: true)
        return try await client.patch(kind, namespace: namespace, name: name, body: body, type: .merge, dryRun: false)
    }

    /// Each attempt reads the object again, so a retry carries a fresh resourceVersion.
    private func retryingConflicts<T: Sendable>(_ write: () async throws -> T) async throws -> T {
        try await settings.conflictRetry.run(write) { error in
            logger.info("409 Conflict (\(error)); reading the object again")
        }
    }

    private func serviceSubject() async throws -> EventRecorder.Subject {
        let service = try await observer.serviceObject()
        return EventRecorder.Subject(apiVersion: "v1", kind: "Service", namespace: namespace, name: service.metadata.name, uid: service.metadata.uid)
    }

    // MARK: Timing

    private func timed(_ kind: FailoverPlan.StepKind, into result: inout FailoverResult, _ body: () async throws -> String) async throws {
        let started = ContinuousClock.now
        do {
            let detail = try await body()
            record(FailoverResult.Step(kind: kind, result: .done, seconds: started.duration(to: .now).seconds, detail: detail), into: &result)
        } catch {
            let detail = (error as? FailoverError)?.message ?? (error is VerificationFailed ? "no ready endpoints on the new colour in time" : "\(error)")
            record(FailoverResult.Step(kind: kind, result: .failed, seconds: started.duration(to: .now).seconds, detail: detail), into: &result)
            throw error
        }
    }

    private func record(_ step: FailoverResult.Step, into result: inout FailoverResult) {
        result.steps.append(step)
        onStep(step)
    }

    /// The failover stopped before the switch: said in an Event on the Service and in the result.
    private func notSwitched(
        _ refusal: FailoverError, on subject: EventRecorder.Subject, _ result: FailoverResult, started: ContinuousClock.Instant
    ) async -> FailoverResult {
        await events.record(on: subject, type: "Warning", reason: "FailoverFailed", message: "Not switched to \(result.plan.to): \(refusal.message)")
        var result = result
        result.outcome = .refused
        result.error = refusal
        return finish(result, started: started)
    }

    private func finish(_ result: FailoverResult, started: ContinuousClock.Instant) -> FailoverResult {
        var result = result
        result.failoverSeconds = started.duration(to: .now).seconds
        result.totalSeconds = result.failoverSeconds
        return result
    }
}
