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

    /// Finishes a change an earlier run left live but unverified (`record`), if the live
    /// Deployment still carries it (compared as recorded, literal env values masked; otherwise it
    /// was superseded and nothing is touched): the current rollout is verified; when it does not
    /// verify, the ReplicaSet whose template is the recorded prior state supplies the exact
    /// template to restore. Without one, it stays unverified and says why.
    package func resume(_ record: AttemptRecord) async -> Resumption {
        let workload = ResourceRef(kind: record.workload.kind, namespace: record.workload.namespace, name: record.workload.name)
        let subject = EventRecorder.Subject(apiVersion: "apps/v1", kind: workload.kind, namespace: record.workload.namespace, name: workload.name, uid: nil)
        let conflicts = ConflictCounter()
        var result = Resumption(outcome: .unverified, verification: "", conflictsRetried: 0, refusedForConflict: false)
        do {
            let current = try await outages.run("reading \(workload.typeAndName)") { try await read(workload) }
            guard try Self.carries(record, current) else {
                result.outcome = .refused
                result.verification = "superseded: \(workload.typeAndName) no longer carries that change (it was changed since); nothing was done"
                return result
            }
            guard current.deployment.desiredReplicas > 0 else {
                result.verification = "still unverified: the Deployment has 0 replicas, so nothing runs to verify"
                return result
            }
            let recordedPrior = try Self.decoded(record.priorState).pruned
            let verdict = try await verifier.verify(deployment: workload.name, namespace: record.workload.namespace, generation: current.generation)
            if verdict.healthy {
                result.outcome = .succeeded
                result.verification = "verified on a later run: \(verdict.sentence)"
                await events.record(on: subject, type: "Normal", reason: "HealActionSucceeded", message: "kubectl-heal: an earlier \(record.action) on \(workload.typeAndName) verified: \(verdict.sentence)")
            } else if let prior = try await replicaSetTemplate(of: current, workload: workload, where: { template in
                EnvRedaction.redact(template).pruned == recordedPrior
            }) {
                _ = try await replaceTemplate(workload, with: prior, expecting: current.template, conflicts: conflicts)
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

    /// Whether `current` still carries what `record` wrote: a rollback's whole template, or
    /// every field of the recorded patch.
    private static func carries(_ record: AttemptRecord, _ current: WorkloadObject) throws -> Bool {
        let written = try decoded(record.patch)
        if record.action == Remediation.Action.rollback.rawValue {
            return EnvRedaction.redact(current.template).pruned == written.pruned
        }
        return PatchFootprint.holds(written, in: EnvRedaction.redact(current.value))
    }

    private static func decoded(_ recorded: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(recorded.utf8))
    }
}
