import Foundation
import HealActions
import HealAnalysis
import HealKube
import HealModel
import Logging

/// `recommend-limits --apply` and the MCP `apply_limits` tool: each change goes through the healing executor — read, record
/// the prior template, server-side dry run, patch under a resourceVersion precondition, verify
/// the rollout, restore the prior template when it does not verify. Changes run one at a time
/// so a bad one is rolled back before the next starts.
package struct ResizeJob: Sendable {
    /// One workload's new requests and limits.
    struct Change: Sendable {
        var workload: ResourceRef
        var patch: JSONValue
        var summary: String
        var labels: [String: String]
        var annotations: [String: String]
    }

    /// What may be changed and how it is verified.
    package struct GuardRails: Sendable {
        package var yes: Bool
        /// Also change objects managed by Argo CD or Flux.
        package var force: Bool
        /// The namespace named explicitly, which alone opens kube-system.
        package var namedNamespace: String?
        /// deny never runs, allow runs without confirmation (as for healing steps).
        package var policy: HealPolicy?
        package var executor: HealExecutor.Settings

        package init(yes: Bool, force: Bool, namedNamespace: String?, policy: HealPolicy?, executor: HealExecutor.Settings) {
            self.yes = yes
            self.force = force
            self.namedNamespace = namedNamespace
            self.policy = policy
            self.executor = executor
        }
    }

    let environment: AppEnvironment
    let logger: Logger

    func run(_ changes: [Change], guardRails: GuardRails, client: KubeClient) async -> [ResizeResult] {
        var results: [ResizeResult] = []
        let executor = HealExecutor(
            client: client, events: EventRecorder(client: client, logger: logger, now: environment.now), settings: guardRails.executor,
            logger: logger, now: environment.now)
        let approval = HealApproval(policy: guardRails.policy ?? .interactiveDefault, yes: guardRails.yes, environment: environment)
        for change in changes {
            if Task.isCancelled {
                results.append(ResizeResult(change: change, outcome: .skipped, detail: "interrupted before it started"))
                continue
            }
            if let refusal = refusal(of: change, guardRails: guardRails) {
                results.append(ResizeResult(change: change, outcome: .skipped, detail: refusal))
                continue
            }
            let step = HealStep(
                action: .setResources, source: .rule, target: change.workload, container: nil, summary: change.summary,
                reason: "recommend-limits --apply", parameters: [:], patch: Patch(target: change.workload, type: .strategic, body: change.patch),
                template: [:], learnedValue: nil)
            if case .declined(let reason) = approval.decide(step, labels: change.labels) {
                results.append(ResizeResult(change: change, outcome: .skipped, detail: reason))
                continue
            }
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
