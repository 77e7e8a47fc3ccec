import HealAnalysis
import HealModel

/// One entry of a policy's `rules`: where it applies (namespaces, a label selector on the
/// workload) and what it decides for the actions it names.
package struct HealPolicyRule: Sendable, Equatable {
    /// Empty means every namespace.
    package var namespaces: [NamespacePattern]
    /// The selector as written, for the verdict's sentence; nil means any labels.
    package var selectorText: String?
    package var selector: LabelSelectorExpression?
    package var decisions: [Remediation.Action: PolicyDecision]
    /// What `"*"` in one of the lists decides: every action the rule does not name itself.
    package var otherActions: PolicyDecision?
    /// Where the rule starts in its file, for messages.
    package var line: Int?

    package init(
        namespaces: [NamespacePattern] = [], selector: (text: String, expression: LabelSelectorExpression)? = nil,
        decisions: [Remediation.Action: PolicyDecision], otherActions: PolicyDecision? = nil, line: Int? = nil
    ) {
        self.namespaces = namespaces
        self.selectorText = selector?.text
        self.selector = selector?.expression
        self.decisions = decisions
        self.otherActions = otherActions
        self.line = line
    }

    package func applies(to namespace: String, labels: [String: String]) -> Bool {
        (namespaces.isEmpty || namespaces.contains { $0.matches(namespace) })
            && (selector?.matches(labels) ?? true)
    }

    /// nil when the rule does not name the action, so a later rule (or the default) decides.
    package func decision(for action: Remediation.Action) -> PolicyDecision? {
        decisions[action] ?? otherActions
    }

    /// "namespaces shop, team-*; selector tier!=db" — where the rule applies, in words.
    var scope: String {
        var parts: [String] = []
        if !namespaces.isEmpty { parts.append("namespaces \(namespaces.map(\.text).joined(separator: ", "))") }
        if let selectorText { parts.append("selector \(selectorText)") }
        return parts.isEmpty ? "every workload" : parts.joined(separator: "; ")
    }
}
