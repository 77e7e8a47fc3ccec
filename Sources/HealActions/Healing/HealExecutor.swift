import Foundation
import HealAnalysis
import HealKube
import HealModel
import HealStore
import Logging

/// Carries out one approved `HealStep`: read the object, record its prior state, send the
/// change as a server-side dry run and then for real under a resourceVersion precondition,
/// verify the rollout for the window, and restore the prior template when it does not verify.
/// Events `HealActionStarted/Succeeded/Failed/RolledBack` go on the workload.
package struct HealExecutor: Sendable {
    package struct Settings: Sendable {
        /// `--verify-for`: how long the new pods must stay Ready without restarting.
        package var verifyFor: Duration = .seconds(60)
        /// How long a rollout may take to complete before the step counts as failed.
        package var rolloutTimeout: Duration = .seconds(300)
        package var pollInterval: Duration = .milliseconds(500)
        package var conflictRetries = 3

        package init() {}
    }

    let client: KubeClient
    let events: EventRecorder
    let settings: Settings
    let logger: Logger
    let now: @Sendable () -> Date

    package init(client: KubeClient, events: EventRecorder, settings: Settings, logger: Logger, now: @escaping @Sendable () -> Date = Date.init) {
        self.client = client
        self.events = events
        self.settings = settings
        self.logger = logger
        self.now = now
    }

    private var verifier: RolloutVerifier {
        RolloutVerifier(client: client, window: settings.verifyFor, timeout: settings.rolloutTimeout, pollInterval: settings.pollInterval)
    }

    package func run(_ step: HealStep, workload: ResourceRef) async -> HealStepResult {
        let startedAt = now()
        var result = HealStepResult(
            step: step, outcome: .failed, verification: "", patch: Self.text(step.redactedPatch?.body), priorState: "{}",
            startedAt: startedAt, finishedAt: startedAt)
        var subject = EventRecorder.Subject(apiVersion: "apps/v1", kind: workload.kind, namespace: workload.namespace ?? "default", name: workload.name, uid: nil)
        do {
            let prior = try await read(workload)
            result.priorState = WorkloadObject.recordable(prior.template)
            subject.uid = prior.metadata.uid
            await events.record(on: subject, type: "Normal", reason: "HealActionStarted", message: "kubectl-heal: \(step.summary) (\(step.reason))")
            let generation: Int
            switch step.action {
            case .rollback:
                let template = try await revisionTemplate(of: prior, workload: workload, revision: step.parameters["revision"] ?? "")
                result.patch = WorkloadObject.recordable(template)
                generation = try await replaceTemplate(workload, with: template)
            case .restartPod:
                try await restart(step.target)
                result.patch = #"{"delete":"pod/\#(step.target.name)"}"#
                generation = 0
            default:
                guard let patch = step.patch else { throw HealError.unexpectedObject(workload, reason: "the step has no patch") }
                try await checkEnvSources(patch.body, namespace: workload.namespace)
                generation = try await apply(patch, resourceVersion: prior.resourceVersion)
            }
            let verdict = try await verifier.verify(deployment: workload.name, namespace: workload.namespace ?? "default", generation: generation)
            result.verification = verdict.sentence
            if verdict.healthy {
                result.outcome = .succeeded
                await events.record(on: subject, type: "Normal", reason: "HealActionSucceeded", message: "kubectl-heal: \(step.summary); verified: \(verdict.sentence)")
            } else if step.action == .restartPod {
                result.outcome = .failed
                await events.record(on: subject, type: "Warning", reason: "HealActionFailed", message: "kubectl-heal: \(step.summary) did not help: \(verdict.sentence)")
            } else {
                _ = try await replaceTemplate(workload, with: prior.template)
                result.outcome = .rolledBack
                result.verification = "\(verdict.sentence); the previous template was restored"
                await events.record(on: subject, type: "Warning", reason: "HealActionRolledBack", message: "kubectl-heal: \(step.summary) did not verify (\(verdict.sentence)); the previous template was restored")
            }
        } catch {
            result.outcome = .failed
            result.verification = Self.describe(error)
            logger.warning("\(step.summary) failed: \(result.verification)")
            await events.record(on: subject, type: "Warning", reason: "HealActionFailed", message: "kubectl-heal: \(step.summary) failed: \(result.verification)")
        }
        result.finishedAt = now()
        return result
    }

    // MARK: Writes

    private func read(_ workload: ResourceRef) async throws -> WorkloadObject {
        let data = try await client.object(APIResource(.deployments), namespace: workload.namespace, name: workload.name)
        return try WorkloadObject(data: data, ref: workload)
    }

    /// Strategic merge patch, dry run first; the resourceVersion read with the prior state is
    /// the precondition, so a change made in between is never overwritten (409 ends the step).
    private func apply(_ patch: Patch, resourceVersion: String) async throws -> Int {
        guard case .object(var body) = patch.body else { return 0 }
        var metadata: [String: JSONValue] = [:]
        if case .object(let existing)? = body["metadata"] { metadata = existing }
        metadata["resourceVersion"] = .string(resourceVersion)
        body["metadata"] = .object(metadata)
        let data = try JSONEncoder.sorted.encode(JSONValue.object(body))
        let name = patch.target.name
        let namespace = patch.target.namespace
        _ = try await client.patch(.deployments, namespace: namespace, name: name, body: data, type: .strategicMerge, dryRun: true)
        let answer = try await client.patch(.deployments, namespace: namespace, name: name, body: data, type: .strategicMerge, dryRun: false)
        return try WorkloadObject(data: answer, ref: patch.target).generation
    }

    /// PUT with a fresh read's resourceVersion; a conflict (someone wrote in between) re-reads
    /// and tries again a few times. Used for rollbacks and for restoring the prior template.
    private func replaceTemplate(_ workload: ResourceRef, with template: [String: Any]) async throws -> Int {
        var attempt = 1
        while true {
            do {
                let current = try await read(workload)
                let body = current.replacingTemplate(with: template)
                _ = try await client.replace(APIResource(.deployments), namespace: workload.namespace, name: workload.name, body: body, dryRun: true)
                let answer = try await client.replace(APIResource(.deployments), namespace: workload.namespace, name: workload.name, body: body)
                return try WorkloadObject(data: answer, ref: workload).generation
            } catch let error as KubeError where error.httpStatus == 409 && attempt < settings.conflictRetries {
                logger.info("conflict writing deployment/\(workload.name) (\(error)); reading it again")
                attempt += 1
            }
        }
    }

    /// The pod template of the ReplicaSet holding `revision`, as `kubectl rollout undo` takes
    /// it: without the `pod-template-hash` label the controller adds.
    private func revisionTemplate(of deployment: WorkloadObject, workload: ResourceRef, revision: String) async throws -> [String: Any] {
        let selector = (deployment.deployment.spec.selector?.matchLabels ?? [:]).selectorText
        var replicaSets: [ObjectHeader] = []
        _ = try await client.list(.replicaSets, as: ObjectHeader.self, namespace: workload.namespace, labelSelector: selector) { replicaSets += $0 }
        guard let name = replicaSets.first(where: {
            $0.metadata.controller?.uid == deployment.metadata.uid && $0.metadata.annotations["deployment.kubernetes.io/revision"] == revision
        })?.metadata.name else { throw HealError.revisionMissing(workload, revision: revision) }
        let data = try await client.object(APIResource(.replicaSets), namespace: workload.namespace, name: name)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            var template = (object["spec"] as? [String: Any])?["template"] as? [String: Any]
        else { throw HealError.revisionMissing(workload, revision: revision) }
        if var metadata = template["metadata"] as? [String: Any], var labels = metadata["labels"] as? [String: Any] {
            labels["pod-template-hash"] = nil
            metadata["labels"] = labels
            template["metadata"] = metadata
        }
        return template
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
