import Foundation
import HealActions
import HealAnalysis
import HealKube
import HealModel
import Logging

/// `recommend-limits --apply`: each change goes through the healing executor — read, record
/// the prior template, server-side dry run, patch under a resourceVersion precondition, verify
/// the rollout, restore the prior template when it does not verify. Changes run one at a time
/// so a bad one is rolled back before the next starts.
struct ResizeJob {
    /// One workload's new requests and limits.
    struct Change: Sendable {
        var workload: ResourceRef
        var patch: JSONValue
        var summary: String
        var labels: [String: String]
        var annotations: [String: String]
    }

    /// What may be changed and how it is verified.
    struct GuardRails {
        var yes: Bool
        var force: Bool
        /// The namespace -n named, which alone opens kube-system.
        var namedNamespace: String?
        /// `--policy`: deny never runs, allow runs without confirmation.
        var policy: HealPolicy?
        var executor: HealExecutor.Settings
    }

    let environment: CLIEnvironment
    let logger: Logger

    func run(_ changes: [Change], guardRails: GuardRails, client: KubeClient) async -> [ResizeResult] {
        var results: [ResizeResult] = []
        let executor = HealExecutor(
            client: client, events: EventRecorder(client: client, logger: logger, now: environment.now), settings: guardRails.executor,
            logger: logger, now: environment.now)
        for change in changes {
            if let refusal = refusal(of: change, guardRails: guardRails) {
                results.append(ResizeResult(change: change, outcome: .skipped, detail: refusal))
                continue
            }
            let verdict = guardRails.policy?.verdict(for: .setResources, namespace: change.workload.namespace ?? "default", labels: change.labels)
            if verdict?.decision == .deny {
                results.append(ResizeResult(change: change, outcome: .skipped, detail: verdict?.reason ?? ""))
                continue
            }
            if !guardRails.yes, verdict?.decision != .allow {
                switch environment.confirm("\(change.workload.namespace ?? "default")/\(change.workload.typeAndName): \(change.summary)? [y/N] ") {
                case nil:
                    results.append(ResizeResult(change: change, outcome: .skipped, detail: "it needs confirmation: run with --yes"))
                    continue
                case false?:
                    results.append(ResizeResult(change: change, outcome: .skipped, detail: "it was not confirmed"))
                    continue
                case true?:
                    break
                }
            }
            let step = HealStep(
                action: .setResources, source: .rule, target: change.workload, container: nil, summary: change.summary,
                reason: "recommend-limits --apply", parameters: [:], patch: Patch(target: change.workload, type: .strategic, body: change.patch),
                template: [:], learnedValue: nil)
            let result = await executor.run(step, workload: change.workload)
            results.append(ResizeResult(change: change, step: result))
        }
        return results
    }

    /// Why a change is not made at all: only Deployments are rolled out and verified; GitOps
    /// objects need --force; kube-system needs -n kube-system.
    private func refusal(of change: Change, guardRails: GuardRails) -> String? {
        guard change.workload.kind == "Deployment" else {
            return "--apply changes Deployments (their rollout is verified and rolled back); apply -o patch to \(change.workload.typeAndName) with kubectl"
        }
        let namespace = change.workload.namespace ?? "default"
        return ChangeGuard.refusal(
            namespace: namespace, namespaceNamed: guardRails.namedNamespace == namespace,
            metadata: ObjectMeta(name: change.workload.name, labels: change.labels, annotations: change.annotations), force: guardRails.force)
    }
}
