/// What a policy says about running one action on one workload.
package enum PolicyDecision: String, Sendable, Equatable, CaseIterable {
    /// Run it unattended, without asking.
    case allow
    /// Ask on a TTY; `--yes` answers for scripts; skipped when neither is possible.
    case confirm
    /// Never run it, not even with `--yes`.
    case deny
}

/// A decision with the sentence that explains it, so the healing loop can say why it acted,
/// asked or refused ("rule 1 of heal-policy.yaml (namespaces shop) allows set-image unattended").
package struct PolicyVerdict: Sendable, Equatable {
    package var decision: PolicyDecision
    package var reason: String
    /// The 1-based rule that decided; nil when the policy's default (or the built-in policy) did.
    package var rule: Int?

    package init(decision: PolicyDecision, reason: String, rule: Int? = nil) {
        self.decision = decision
        self.reason = reason
        self.rule = rule
    }
}
