import HealAnalysis

extension HealPolicyError {
    /// "heal-policy.yaml:7: rule 1 has an unknown key "alow" (did you mean allow?)".
    package var message: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(problemText)"
    }

    private var problemText: String {
        switch problem {
        case .unreadable(let reason):
            "cannot read the policy file: \(reason)"
        case .notYAML(let detail):
            "not a YAML policy: \(detail)"
        case .empty:
            "the policy file is empty"
        case .shape(let problem):
            problem.text
        case .wrongAPIVersion(let found):
            "apiVersion is \"\(found)\", expected \(HealPolicy.apiVersion)"
        case .wrongKind(let found):
            "kind is \"\(found)\", expected \(HealPolicy.kind)"
        case .unknownAction(let name, let place):
            "\(place) names an unknown action \"\(name)\"\(Wording.suggestion(for: name, among: HealPolicy.actionNames))"
        case .badMode(let found):
            "default is \"\(found)\", expected allow, confirm or deny"
        case .actionNamedTwice(let action, let rule):
            "rule \(rule) names \(action) more than once"
        case .ruleNamesNoAction(let rule):
            "rule \(rule) names no action in allow, confirm or deny, so it can never decide"
        }
    }

    /// What to change next.
    package var hint: String {
        switch problem {
        case .unreadable:
            "check the path given to --policy and that the file is readable"
        case .notYAML, .empty, .shape(.notAMapping), .shape(.missingField), .wrongAPIVersion, .wrongKind:
            "a policy starts with apiVersion: \(HealPolicy.apiVersion) and kind: \(HealPolicy.kind); see docs/heal-policy.md"
        case .shape(.notAList), .shape(.notAString):
            "namespaces, allow, confirm and deny are lists; default and selector are single values"
        case .shape(let problem):
            problem.hint ?? ""
        case .unknownAction:
            "actions are \(HealPolicy.actionNames.joined(separator: ", ")), or \"*\" for every action the rule does not name otherwise"
        case .badMode:
            "allow runs unattended, confirm asks (or takes --yes), deny never runs"
        case .actionNamedTwice:
            "keep each action in one of allow, confirm and deny per rule; use another rule for other namespaces or labels"
        case .ruleNamesNoAction:
            "add the actions it should decide to allow, confirm or deny, or remove the rule"
        }
    }
}
