import HealAnalysis

/// Which remediations the healing loop may run unattended, which need a confirmation (or
/// `--yes`) and which never run — per namespace and workload labels. Loaded from a
/// `kind: HealPolicy` YAML file given with `--policy`; see docs/heal-policy.md.
package struct HealPolicy: Sendable, Equatable {
    /// For actions no matching rule names.
    package var defaultDecision: PolicyDecision
    /// Checked in order; the first rule that applies to the workload and names the action decides.
    package var rules: [HealPolicyRule]
    /// The file it came from, for the verdict's sentence; nil for the built-in policy.
    package var file: String?

    package init(defaultDecision: PolicyDecision, rules: [HealPolicyRule] = [], file: String? = nil) {
        self.defaultDecision = defaultDecision
        self.rules = rules
        self.file = file
    }

    /// The policy without `--policy`: every action needs a confirmation on a TTY or `--yes`.
    package static let interactiveDefault = HealPolicy(defaultDecision: .confirm)

    /// What the policy says about running `action` on a workload in `namespace` with `labels`
    /// (the workload's own labels: a Deployment's, not its pod template's), and why.
    package func verdict(for action: Remediation.Action, namespace: String, labels: [String: String]) -> PolicyVerdict {
        // `manual` is a finding's "a person must decide" — there is nothing to run.
        guard action != .manual else {
            return PolicyVerdict(decision: .deny, reason: "a manual remediation needs a person's decision; kubectl-heal never runs it")
        }
        for (index, rule) in rules.enumerated() where rule.applies(to: namespace, labels: labels) {
            guard let decision = rule.decision(for: action) else { continue }
            let number = index + 1
            return PolicyVerdict(
                decision: decision,
                reason: "rule \(number) of \(file ?? "the policy") (\(rule.scope)) \(Self.verb(decision, action))",
                rule: number)
        }
        guard let file else {
            return PolicyVerdict(decision: defaultDecision, reason: "without --policy, the built-in policy \(Self.verb(defaultDecision, action))")
        }
        return PolicyVerdict(
            decision: defaultDecision,
            reason: "no rule of \(file) names \(action.rawValue) for namespace \(namespace), and its default \(Self.verb(defaultDecision, action))")
    }

    /// "allows set-image unattended", "requires confirmation (or --yes) for rollback", "denies scale".
    private static func verb(_ decision: PolicyDecision, _ action: Remediation.Action) -> String {
        switch decision {
        case .allow: "allows \(action.rawValue) unattended"
        case .confirm: "requires confirmation (or --yes) for \(action.rawValue)"
        case .deny: "denies \(action.rawValue)"
        }
    }
}
