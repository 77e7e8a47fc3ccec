import Foundation
import HealAnalysis
import HealKube
import HealModel
import HealStore

extension HealExecutor {
    /// How finishing an earlier unverified change ended.
    package struct Resumption: Sendable {
        package var outcome: AttemptRecord.Outcome
        package var verification: String
        package var conflictsRetried: Int
        package var refusedForConflict: Bool
    }

    /// Finishes a change an earlier run left live but unverified (`record`): the Deployment's
    /// current rollout is verified; when it does not verify, the ReplicaSet whose template is the
    /// recorded prior state (compared as recorded, with literal env values masked) supplies the
    /// exact template to restore. Without one, it stays unverified and says why.
    package func resume(_ record: AttemptRecord) async -> Resumption {
        let workload = ResourceRef(kind: record.workload.kind, namespace: record.workload.namespace, name: record.workload.name)
        let subject = EventRecorder.Subject(apiVersion: "apps/v1", kind: workload.kind, namespace: record.workload.namespace, name: workload.name, uid: nil)
        let conflicts = ConflictCounter()
        var result = Resumption(outcome: .unverified, verification: "", conflictsRetried: 0, refusedForConflict: false)
        do {
            let current = try await outages.run("reading \(workload.typeAndName)") { try await read(workload) }
            let verdict = try await verifier.verify(deployment: workload.name, namespace: record.workload.namespace, generation: current.generation)
            if verdict.healthy {
                result.outcome = .succeeded
                result.verification = "verified on a later run: \(verdict.sentence)"
                await events.record(on: subject, type: "Normal", reason: "HealActionSucceeded", message: "kubectl-heal: an earlier \(record.action) on \(workload.typeAndName) verified: \(verdict.sentence)")
            } else if let prior = try await recordedTemplate(record.priorState, of: current, workload: workload) {
                try await replaceTemplate(workload, with: prior, expecting: current.template, conflicts: conflicts)
                result.outcome = .rolledBack
                result.verification = "did not verify on a later run (\(verdict.sentence)); the previous template was restored"
                await events.record(on: subject, type: "Warning", reason: "HealActionRolledBack", message: "kubectl-heal: an earlier \(record.action) on \(workload.typeAndName) \(result.verification)")
            } else {
                result.verification = "still unverified: it did not verify (\(verdict.sentence)) and no ReplicaSet holds the recorded prior template any more"
            }
        } catch {
            result.refusedForConflict = (error as? HealError)?.isConflict ?? false
            result.verification = "still unverified: \(Self.describe(error))"
        }
        result.conflictsRetried = conflicts.count
        return result
    }

    /// The template of the Deployment's ReplicaSet that `priorState` (as recorded) describes.
    private func recordedTemplate(_ priorState: String, of deployment: WorkloadObject, workload: ResourceRef) async throws -> JSONValue? {
        let recorded = try JSONDecoder().decode(JSONValue.self, from: Data(priorState.utf8)).pruned
        let selector = (deployment.deployment.spec.selector?.matchLabels ?? [:]).selectorText
        var found: JSONValue?
        _ = try await client.list(.replicaSets, as: JSONValue.self, namespace: workload.namespace, labelSelector: selector) { page in
            for replicaSet in page where found == nil {
                guard let template = replicaSet.member("spec")?.member("template").map(PodTemplateMatch.withoutHash) else { continue }
                if EnvRedaction.redact(template).pruned == recorded { found = template }
            }
        }
        return found
    }
}
