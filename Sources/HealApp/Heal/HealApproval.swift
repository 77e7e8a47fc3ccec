import Foundation
import HealActions
import HealAnalysis

/// Who says yes to a step: the policy file first (deny always wins, allow runs unattended),
/// then `--yes`, then the person at the terminal. Without any of them the step is left alone.
struct HealApproval: Sendable {
    let policy: HealPolicy
    let yes: Bool
    let environment: AppEnvironment

    func decide(_ step: HealStep, labels: [String: String]) -> Approval {
        let verdict = policy.verdict(for: step.action, namespace: step.target.namespace ?? "default", labels: labels)
        switch verdict.decision {
        case .deny:
            return .declined(verdict.reason)
        case .allow:
            return .approved(verdict.reason)
        case .confirm:
            if yes { return .approved("approved by --yes") }
            guard let confirmed = environment.confirm("\(step.target.namespace ?? "default")/\(step.target.typeAndName): \(step.summary)? [y/N] ") else {
                return .declined("it needs confirmation: run with --yes, or allow \(step.action.rawValue) in a --policy file")
            }
            return confirmed ? .approved("confirmed at the terminal") : .declined("it was not confirmed")
        }
    }
}
