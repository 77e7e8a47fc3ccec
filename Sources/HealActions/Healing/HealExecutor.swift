import Foundation
import HealAnalysis
import HealKube
import HealModel
import HealStore
import Logging

/// Carries out one approved `HealStep`: read the object, record its prior state, send the
/// change as a server-side dry run and then for real under a resourceVersion precondition,
/// verify the rollout that change caused, and restore the prior template when it does not
/// verify. A 409 is read again and retried while the fields the step changes still hold what
/// it planned from; an API server outage is waited out. Each step ends `succeeded`
/// (verified), `rolled-back`, `refused` (nothing changed) or `unverified` (live, not judged);
/// a pod restart that did not help ends `failed`. Events `HealActionStarted/Succeeded/…` go on
/// the workload.
package struct HealExecutor: Sendable {
    package struct Settings: Sendable {
        /// `--verify-for`: how long the new pods must stay Ready without restarting.
        package var verifyFor: Duration = .seconds(60)
        /// How long a rollout may take to complete before the step counts as failed; an API
        /// server outage is waited out for as long.
        package var rolloutTimeout: Duration = .seconds(300)
        package var pollInterval: Duration = .milliseconds(500)
        package var conflictRetry = ConflictRetry()

        package init() {}
    }

    let client: KubeClient
    let events: EventRecorder
    let settings: Settings
    /// The process's informers, when it has them: verification reads pods from them.
    let informers: SharedInformers?
    let logger: Logger
    let now: @Sendable () -> Date

    package init(
        client: KubeClient, events: EventRecorder, settings: Settings, informers: SharedInformers? = nil, logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.client = client
        self.informers = informers
        self.events = events
        self.settings = settings
        self.logger = logger
        self.now = now
    }

    var verifier: RolloutVerifier {
        RolloutVerifier(client: client, window: settings.verifyFor, timeout: settings.rolloutTimeout, pollInterval: settings.pollInterval, informers: informers, logger: logger)
    }

    var outages: OutageRetry { OutageRetry(window: settings.rolloutTimeout, logger: logger) }

    package func run(_ step: HealStep, workload: ResourceRef) async -> HealStepResult {
        let startedAt = now()
        var result = HealStepResult(
            step: step, outcome: .refused, verification: "", patch: Self.text(step.redactedPatch?.body), priorState: "{}",
            startedAt: startedAt, finishedAt: startedAt)
        var subject = EventRecorder.Subject(apiVersion: "apps/v1", kind: workload.kind, namespace: workload.namespace ?? "default", name: workload.name, uid: nil)
        let conflicts = ConflictCounter()
        // Until the write is answered nothing changed: a failure here is a refusal (or, when the
        // write may have landed, an unknown outcome). `written` is nil for a pod restart.
        let written: Written?
        do {
            let prior = try await outages.run("reading \(workload.typeAndName)") { try await read(workload) }
            result.priorState = WorkloadObject.recordable(prior.template)
            subject.uid = prior.metadata.uid
            if prior.deployment.spec.paused == true, step.action != .restartPod {
                throw HealError.unexpectedObject(workload, reason: "it is paused (spec.paused): a change would not roll out; resume it first (kubectl rollout resume)")
            }
            await events.record(on: subject, type: "Normal", reason: "HealActionStarted", message: "kubectl-heal: \(step.summary) (\(step.reason))")
            switch step.action {
            case .rollback:
                let template = try await revisionTemplate(of: prior, workload: workload, revision: step.parameters["revision"] ?? "")
                result.patch = WorkloadObject.recordable(template)
                written = try await replaceTemplate(workload, with: template, expecting: prior.template, conflicts: conflicts)
            case .restartPod:
                try await restart(step.target)
                result.patch = #"{"delete":"pod/\#(step.target.name)"}"#
                written = nil
            default:
                guard let patch = step.patch else { throw HealError.unexpectedObject(workload, reason: "the step has no patch") }
                try await checkEnvSources(patch.body, namespace: workload.namespace)
                written = try await apply(patch, prior: prior, conflicts: conflicts)
            }
            // What a restore goes back to: the object the write was made over (a retried write
            // keeps what others changed meanwhile in fields it does not touch).
            if let written { result.priorState = WorkloadObject.recordable(written.base.template) }
        } catch {
            let error = Self.conflictRefusal(error, workload: workload, conflicts: conflicts)
            // A write whose answer was lost may be live: unverified, never refused.
            var outcomeUnknown = false
            if case .writeOutcomeUnknown(_, _, let base)? = error as? HealError {
                outcomeUnknown = true
                result.priorState = WorkloadObject.recordable(base)
            }
            result.outcome = outcomeUnknown ? .unverified : .refused
            result.verification = outcomeUnknown ? Self.describe(error) : "not applied: \(Self.describe(error))"
            result.refusedForConflict = (error as? HealError)?.isConflict ?? false
            logger.warning("\(step.summary): \(result.verification)")
            await events.record(
                on: subject, type: "Warning", reason: outcomeUnknown ? "HealActionUnverified" : "HealActionRefused",
                message: "kubectl-heal: \(step.summary): \(result.verification)")
            result.conflictsRetried = conflicts.count
            result.finishedAt = now()
            return result
        }

        // From here on the change is live: it is verified, restored, or reported unverified.
        if let written, written.applied.deployment.desiredReplicas == 0 {
            result.outcome = .unverified
            result.verification = "applied, unverified: the Deployment has 0 replicas, so nothing ran to verify"
            result.conflictsRetried = conflicts.count
            result.finishedAt = now()
            return result
        }
        do {
            let verdict = try await verifier.verify(deployment: workload.name, namespace: workload.namespace ?? "default", generation: written?.applied.generation ?? 0)
            result.verification = verdict.sentence
            result.observedGenerationSeconds = verdict.observedAfter?.seconds
            result.verdictSeconds = verdict.decidedAfter.seconds
            if verdict.healthy {
                result.outcome = .succeeded
                await events.record(on: subject, type: "Normal", reason: "HealActionSucceeded", message: "kubectl-heal: \(step.summary); verified: \(verdict.sentence)")
            } else if let written {
                result = await restoring(written, workload: workload, failed: verdict.sentence, outcome: .rolledBack, result: result, subject: subject, conflicts: conflicts)
            } else {
                result.outcome = .failed
                await events.record(on: subject, type: "Warning", reason: "HealActionFailed", message: "kubectl-heal: \(step.summary) did not help: \(verdict.sentence)")
            }
        } catch where Task.isCancelled {
            // SIGINT/SIGTERM while verifying: the prior template goes back (a restarted pod has
            // nothing to go back to).
            if let written {
                result = await restoring(written, workload: workload, failed: "interrupted before it verified", outcome: .interrupted, result: result, subject: subject, conflicts: conflicts)
            } else {
                result.outcome = .interrupted
                result.verification = "the pod was restarted; interrupted before it verified"
            }
        } catch {
            result.outcome = .unverified
            result.verification = "applied, unverified: \(Self.describe(error))"
            logger.warning("\(step.summary) is live but unverified: \(Self.describe(error)); the next --fix run verifies or restores it")
            await events.record(on: subject, type: "Warning", reason: "HealActionUnverified", message: "kubectl-heal: \(step.summary) is live but unverified: \(Self.describe(error))")
        }
        result.conflictsRetried = conflicts.count
        result.finishedAt = now()
        return result
    }

    /// A write that landed: the object it was made over and the object it left.
    struct Written: Sendable {
        let base: WorkloadObject
        let applied: WorkloadObject
    }

    /// Puts the template the change was written over back, unless someone else changed the
    /// template since (then it is theirs, and it stays). It runs in a task of its own, so a
    /// signal cannot cut the undo short; once the PUT has landed the outcome is `outcome`,
    /// whatever happens while waiting for the controller to take it.
    private func restoring(
        _ written: Written, workload: ResourceRef, failed sentence: String, outcome: AttemptRecord.Outcome, result: HealStepResult,
        subject: EventRecorder.Subject, conflicts: ConflictCounter
    ) async -> HealStepResult {
        let restore = Task.detached { [self] () -> (Result<WorkloadObject, any Error>, Int) in
            let own = ConflictCounter()
            do {
                let restored = try await replaceTemplate(workload, with: written.base.template, expecting: written.applied.template, conflicts: own).applied
                return (.success(restored), own.count)
            } catch {
                return (.failure(Self.conflictRefusal(error, workload: workload, conflicts: own)), own.count)
            }
        }
        let (restored, retried) = await restore.value
        conflicts.add(retried)
        var result = result
        let step = result.step
        switch restored {
        case .success(let object):
            let taken = (try? await verifier.waitObserved(deployment: workload.name, namespace: workload.namespace ?? "default", generation: object.generation)) ?? false
            result.outcome = outcome
            result.verification = "\(sentence); the previous template was restored" + (taken ? "" : " (the controller had not acted on it yet)")
            await events.record(on: subject, type: "Warning", reason: "HealActionRolledBack", message: "kubectl-heal: \(step.summary) did not verify (\(sentence)); the previous template was restored")
        case .failure(let error):
            result.outcome = .unverified
            result.refusedForConflict = (error as? HealError)?.isConflict ?? false
            result.verification = "\(sentence); not restored: \(Self.describe(error))"
            logger.warning("\(step.summary) did not verify and was not restored: \(Self.describe(error))")
            await events.record(on: subject, type: "Warning", reason: "HealActionUnverified", message: "kubectl-heal: \(step.summary) did not verify (\(sentence)) and was not restored: \(Self.describe(error))")
        }
        return result
    }

    // MARK: Writes

    func read(_ workload: ResourceRef) async throws -> WorkloadObject {
        let data = try await client.object(APIResource(.deployments), namespace: workload.namespace, name: workload.name)
        return try WorkloadObject(data: data, ref: workload)
    }

    /// Strategic merge patch, dry run first, under the resourceVersion of the object it was
    /// planned from. On 409 the object is read again: while the fields the patch writes still
    /// hold what they held then, it is retried with the fresh resourceVersion; when someone
    /// else changed them, it stops without writing.
    private func apply(_ patch: Patch, prior: WorkloadObject, conflicts: ConflictCounter) async throws -> Written {
        let planned = PatchFootprint.values(of: patch.body, in: prior.value)
        var current = prior
        var retry = false
        return try await settings.conflictRetry.run({
            defer { retry = true }
            if retry {
                let previous = current
                current = try await outages.run("reading \(patch.target.typeAndName)") { try await read(patch.target) }
                // A write retried below the API (a 5xx with Retry-After) may have landed already.
                if PatchFootprint.holds(patch.body, in: current.value), current.generation > previous.generation {
                    return Written(base: previous, applied: current)
                }
                if PatchFootprint.values(of: patch.body, in: current.value) != planned {
                    throw HealError.conflictingChange(patch.target, fields: "the fields this step changes", writer: current.lastTemplateWriter)
                }
            }
            let data = try Self.body(patch.body, resourceVersion: current.resourceVersion)
            let name = patch.target.name
            let namespace = patch.target.namespace
            _ = try await outages.run("dry-running the change") {
                try await client.patch(.deployments, namespace: namespace, name: name, body: data, type: .strategicMerge, dryRun: true)
            }
            let base = current
            let applied = try await writeOnce(patch.target, over: base) {
                try await client.patch(.deployments, namespace: namespace, name: name, body: data, type: .strategicMerge, dryRun: false)
            } landed: { object in PatchFootprint.holds(patch.body, in: object.value) && object.generation > base.generation }
            return Written(base: base, applied: applied)
        }, onConflict: { conflicts.note($0, object: patch.target, logger: logger) })
    }

    /// PUT of the whole object with another template, for rollbacks and restores: only while
    /// the live template is still `expecting` (what this step planned from, or wrote itself);
    /// a 409 reads again and retries.
    func replaceTemplate(
        _ workload: ResourceRef, with template: JSONValue, expecting: JSONValue, conflicts: ConflictCounter
    ) async throws -> Written {
        try await settings.conflictRetry.run({
            let current = try await outages.run("reading \(workload.typeAndName)") { try await read(workload) }
            if current.hasTemplate(template) { return Written(base: current, applied: current) }
            guard current.hasTemplate(expecting) else {
                throw HealError.conflictingChange(workload, fields: "its pod template", writer: current.lastTemplateWriter)
            }
            let body = try current.replacingTemplate(with: template)
            _ = try await outages.run("dry-running the change") {
                try await client.replace(APIResource(.deployments), namespace: workload.namespace, name: workload.name, body: body, dryRun: true)
            }
            let applied = try await writeOnce(workload, over: current) {
                try await client.replace(APIResource(.deployments), namespace: workload.namespace, name: workload.name, body: body)
            } landed: { $0.hasTemplate(template) && $0.generation > current.generation }
            return Written(base: current, applied: applied)
        }, onConflict: { conflicts.note($0, object: workload, logger: logger) })
    }

    /// Sends a write. When it fails transiently, or a signal interrupts it, whether it landed is
    /// unknown: the object is read (waiting out the outage, in a task the signal does not
    /// cancel) and `landed` decides. A write that cannot have been sent (connection refused) is
    /// sent again while the outage window lasts; one whose fate stays unknown is reported so.
    private func writeOnce(
        _ workload: ResourceRef, over base: WorkloadObject, _ write: () async throws -> Data,
        landed: @escaping @Sendable (WorkloadObject) -> Bool
    ) async throws -> WorkloadObject {
        let deadline = ContinuousClock.now + settings.rolloutTimeout
        while true {
            do {
                return try WorkloadObject(data: try await write(), ref: workload)
            } catch where (error as? KubeError)?.isTransient ?? false || Task.isCancelled {
                let unknown = HealError.writeOutcomeUnknown(workload, reason: Self.describe(error), base: base.template)
                let neverSent = (error as? KubeError)?.neverSent ?? false
                let readBack = await Task.detached { [self] in
                    try await outages.run("checking whether the write reached \(workload.typeAndName)") { try await read(workload) }
                }.result
                guard case .success(let current) = readBack else { throw unknown }
                if landed(current) { return current }
                // The write carries `base`'s resourceVersion: while the object still has it, a
                // write the server has not committed yet may still land.
                if current.resourceVersion == base.resourceVersion, !neverSent { throw unknown }
                if Task.isCancelled { throw CancellationError() }
                guard neverSent, ContinuousClock.now < deadline else { throw error }
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    private static func body(_ patch: JSONValue, resourceVersion: String) throws -> Data {
        guard case .object(var body) = patch else { return Data("{}".utf8) }
        var metadata: [String: JSONValue] = [:]
        if case .object(let existing)? = body["metadata"] { metadata = existing }
        metadata["resourceVersion"] = .string(resourceVersion)
        body["metadata"] = .object(metadata)
        return try JSONEncoder.sorted.encode(JSONValue.object(body))
    }

    /// The pod template of the ReplicaSet holding `revision`, as `kubectl rollout undo` takes it.
    private func revisionTemplate(of deployment: WorkloadObject, workload: ResourceRef, revision: String) async throws -> JSONValue {
        guard let template = try await replicaSetTemplate(of: deployment, workload: workload, where: { _ in true }, revision: revision) else {
            throw HealError.revisionMissing(workload, revision: revision)
        }
        return template
    }

    /// The template (without the `pod-template-hash` label the controller adds) of the first of
    /// the Deployment's own ReplicaSets, optionally of one revision, whose template `matches`.
    func replicaSetTemplate(
        of deployment: WorkloadObject, workload: ResourceRef, where matches: (JSONValue) -> Bool, revision: String? = nil
    ) async throws -> JSONValue? {
        let selector = (deployment.deployment.spec.selector?.matchLabels ?? [:]).selectorText
        var found: JSONValue?
        _ = try await client.list(.replicaSets, as: TemplatedReplicaSet.self, namespace: workload.namespace, labelSelector: selector) { page in
            for candidate in page where found == nil {
                let metadata = candidate.replicaSet.metadata
                guard metadata.controller?.uid == deployment.metadata.uid,
                    revision.map({ metadata.annotations["deployment.kubernetes.io/revision"] == $0 }) ?? true,
                    let template = candidate.template.map(PodTemplateMatch.withoutHash), matches(template)
                else { continue }
                found = template
            }
        }
        return found
    }

    /// Deletes the pod (dry run first) under a uid precondition: a pod re-created under the
    /// same name meanwhile is left alone.
    private func restart(_ pod: ResourceRef) async throws {
        let data = try await client.object(APIResource(.pods), namespace: pod.namespace, name: pod.name)
        let uid = try JSONDecoder().decode(ObjectHeader.self, from: data).metadata.uid
        try await client.delete(APIResource(.pods), namespace: pod.namespace, name: pod.name, uid: uid, dryRun: true)
        try await client.delete(APIResource(.pods), namespace: pod.namespace, name: pod.name, uid: uid)
    }

    /// Every `secretKeyRef`/`configMapKeyRef` in an env patch must resolve before it is sent:
    /// a missing one would only turn the crash into CreateContainerConfigError. Only the key
    /// names are looked at; values are never decoded into anything kept.
    private func checkEnvSources(_ body: JSONValue, namespace: String?) async throws {
        for reference in EnvReference.all(in: body) {
            let resource = reference.isSecret ? APIResource(group: "", version: "v1", plural: "secrets") : APIResource(group: "", version: "v1", plural: "configmaps")
            let described = "\(reference.isSecret ? "secret" : "configmap") \(reference.name)"
            guard let data = try await existing(resource, namespace: namespace, name: reference.name) else {
                throw HealError.envSourceMissing(variable: reference.variable, source: "\(described) key \(reference.key)", reason: "\(described) does not exist in namespace \(namespace ?? "default")")
            }
            let keys = try JSONDecoder().decode(DataKeys.self, from: data).keys
            guard keys.contains(reference.key) else {
                throw HealError.envSourceMissing(variable: reference.variable, source: "\(described) key \(reference.key)", reason: "\(described) has no key \(reference.key) (it has \(keys.sorted().joined(separator: ", ")))")
            }
        }
    }

    /// The object, or nil when the server answers 404.
    private func existing(_ resource: APIResource, namespace: String?, name: String) async throws -> Data? {
        do {
            return try await client.object(resource, namespace: namespace, name: name)
        } catch {
            if error.httpStatus == 404 { return nil }
            throw error
        }
    }

    /// A 409 that outlasted every retry becomes the refusal it is.
    private static func conflictRefusal(_ error: any Error, workload: ResourceRef, conflicts: ConflictCounter) -> any Error {
        guard let error = error as? KubeError, error.httpStatus == 409 else { return error }
        return HealError.conflictsPersisted(workload, attempts: conflicts.count + 1)
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? HealError { return error.message }
        if let error = error as? KubeError { return error.description }
        return "\(error)"
    }

    static func text(_ value: JSONValue?) -> String {
        value?.sortedText ?? "{}"
    }
}

/// Only metadata: enough to find a ReplicaSet or a pod's uid without decoding specs.
private struct ObjectHeader: Decodable, Sendable {
    var metadata: ObjectMeta
}
/// The key names of a Secret's or ConfigMap's `data`/`stringData`/`binaryData`; the values
/// are skipped by the decoder, never held.
private struct DataKeys: Decodable {
    var keys: Set<String>

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        var keys: Set<String> = []
        for field in ["data", "stringData", "binaryData"] where container.contains(AnyKey(stringValue: field)) {
            let nested = try container.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey(stringValue: field))
            keys.formUnion(nested.allKeys.map(\.stringValue))
        }
        self.keys = keys
    }
}

/// A `valueFrom` reference inside an env patch.
private struct EnvReference {
    var variable: String
    var isSecret: Bool
    var name: String
    var key: String

    static func all(in value: JSONValue) -> [EnvReference] {
        switch value {
        case .object(let members):
            var found: [EnvReference] = []
            if case .array(let entries)? = members["env"] {
                for case .object(let entry) in entries {
                    guard case .string(let variable)? = entry["name"], case .object(let from)? = entry["valueFrom"] else { continue }
                    for (field, isSecret) in [("secretKeyRef", true), ("configMapKeyRef", false)] {
                        if case .object(let ref)? = from[field], case .string(let name)? = ref["name"], case .string(let key)? = ref["key"] {
                            found.append(EnvReference(variable: variable, isSecret: isSecret, name: name, key: key))
                        }
                    }
                }
            }
            return found + members.filter { $0.key != "env" }.values.flatMap(all)
        case .array(let items):
            return items.flatMap(all)
        default:
            return []
        }
    }
}
