import Foundation
import HealAnalysis

/// The guard rails around every action: GitOps, kube-system, a per-workload cooldown and a cap
/// on actions per window (`--force`, `-n`, `--cooldown`, `--max-actions`, `--window`).
package struct HealLimits: Sendable {
    /// Act on objects Argo CD or Flux manage (their auto-sync would revert the change).
    package var force = false
    /// Namespaces the user named with `-n`: kube-system is only touched when named.
    package var namedNamespaces: Set<String> = []
    /// After an action on a workload, no new incident of that workload is acted on for this
    /// long (unless the workload was deleted and re-created since).
    package var cooldown: TimeInterval = 300
    package var maxActions = 10
    package var window: TimeInterval = 3600

    package init() {}
}

/// How a step got (or did not get) the go-ahead: `--yes`, a policy rule, the person at the
/// terminal — each with the reason that goes into the report.
package enum Approval: Sendable, Equatable {
    case approved(String)
    case declined(String)
}

/// Decides about one step; the CLI combines `--policy`, `--yes` and a terminal prompt.
package typealias HealApprover = @Sendable (_ step: HealStep, _ workloadLabels: [String: String]) async -> Approval

/// Who acts, for the audit record.
package struct HealIdentity: Sendable {
    package var user: String
    package var context: String

    package init(user: String, context: String) {
        self.user = user
        self.context = context
    }
}
