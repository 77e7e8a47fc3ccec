import HealActions
import Testing

@Suite("A bad policy file fails with the file, the line and what to change")
struct HealPolicyErrorTests {
    static let header = "apiVersion: heal.kubectl.io/v1alpha1\nkind: HealPolicy\n"

    @Test(
        "each mistake is its own problem, at its line",
        arguments: [
            ("", nil as Int?, HealPolicyError.Problem.empty),
            ("rules: [a\n", nil, .notYAML(detail: "YAML syntax error at line 2, column 1: did not find expected ',' or ']'")),
            ("- a\n- b\n", 1, .shape(.notAMapping(place: "the policy"))),
            ("kind: HealPolicy\n", 1, .shape(.missingField(key: "apiVersion", place: "the policy"))),
            ("apiVersion: heal.kubectl.io/v1alpha1\n", 1, .shape(.missingField(key: "kind", place: "the policy"))),
            ("apiVersion: v1\nkind: HealPolicy\n", 1, .wrongAPIVersion(found: "v1")),
            ("apiVersion: heal.kubectl.io/v1alpha1\nkind: Policy\n", 2, .wrongKind(found: "Policy")),
            (header + "defaults: allow\n", 3, .shape(.unknownKey(key: "defaults", place: "the policy", valid: ["apiVersion", "kind", "default", "rules"]))),
            (header + "default: yes\n", 3, .badMode(found: "yes")),
            (header + "default: [allow]\n", 3, .shape(.notAString(place: "default"))),
            (header + "rules:\n  namespaces: [shop]\n", 4, .shape(.notAList(place: "rules"))),
            (header + "rules:\n  - allow\n", 4, .shape(.notAMapping(place: "rule 1"))),
            (header + "rules:\n  - alow: [set-image]\n", 4,
             .shape(.unknownKey(key: "alow", place: "rule 1", valid: ["namespaces", "selector", "allow", "confirm", "deny"]))),
            (header + "rules:\n  - allow: set-image\n", 4, .shape(.notAList(place: "rule 1 allow"))),
            (header + "rules:\n  - allow: [[set-image]]\n", 4, .shape(.notAString(place: "rule 1 allow"))),
            (header + "rules:\n  - allow: [restart-pod]\n  - deny:\n      - set-imag\n", 6, .unknownAction(name: "set-imag", place: "rule 2")),
            (header + "rules:\n  - allow: [manual]\n", 4, .unknownAction(name: "manual", place: "rule 1")),
            (header + "rules:\n  - selector: \"app=(web)\"\n    allow: [scale]\n", 4, .shape(.badSelector(selector: "app=(web)", place: "rule 1"))),
            (header + "rules:\n  - namespaces: [\"shop,team\"]\n    allow: [scale]\n", 4, .shape(.badNamespacePattern(pattern: "shop,team", place: "rule 1"))),
            (header + "rules:\n  - namespaces: [Shop]\n    allow: [scale]\n", 4, .shape(.badNamespacePattern(pattern: "Shop", place: "rule 1"))),
            (header + "rules:\n  - namespaces: shop\n    allow: [scale]\n", 4, .shape(.notAList(place: "rule 1 namespaces"))),
            (header + "rules:\n  - allow: [scale]\n    deny: [scale]\n", 5, .actionNamedTwice(action: "scale", rule: 1)),
            (header + "rules:\n  - allow: [\"*\"]\n    deny: [\"*\"]\n", 5, .actionNamedTwice(action: "*", rule: 1)),
            (header + "rules:\n  - namespaces: [shop]\n", 4, .ruleNamesNoAction(rule: 1)),
            (header + "rules:\n  - namespaces: [shop]\n    allow: []\n", 4, .ruleNamesNoAction(rule: 1)),
        ])
    func problems(yaml: String, line: Int?, problem: HealPolicyError.Problem) {
        let expected = HealPolicyError(file: "policy.yaml", line: line, problem: problem)
        #expect(throws: expected) { try HealPolicy.parse(yaml, file: "policy.yaml") }
    }

    @Test("a repeated key is a YAML error, not a silent overwrite")
    func duplicateKey() {
        #expect(throws: HealPolicyError.self) { try HealPolicy.parse(Self.header + "default: allow\ndefault: deny\n", file: "p.yaml") }
    }

    @Test(
        "messages name the file and line and suggest the near miss; hints say what to write",
        arguments: [
            (Self.header + "rules:\n  - alow: [set-image]\n",
             "policy.yaml:4: rule 1 has an unknown key \"alow\" (did you mean allow?)",
             "the keys allowed there are namespaces, selector, allow, confirm, deny"),
            (Self.header + "rules:\n  - allow: [restart]\n",
             "policy.yaml:4: rule 1 names an unknown action \"restart\"",
             "actions are set-image, set-env, raise-memory-limit, rollback, restart-pod, scale, set-resources, or \"*\" for every action the rule does not name otherwise"),
            (Self.header + "rules:\n  - allow: [rolback]\n",
             "policy.yaml:4: rule 1 names an unknown action \"rolback\" (did you mean rollback?)",
             "actions are set-image, set-env, raise-memory-limit, rollback, restart-pod, scale, set-resources, or \"*\" for every action the rule does not name otherwise"),
            (Self.header + "default: always\n",
             "policy.yaml:3: default is \"always\", expected allow, confirm or deny",
             "allow runs unattended, confirm asks (or takes --yes), deny never runs"),
            ("apiVersion: heal.kubectl.io/v1\nkind: HealPolicy\n",
             "policy.yaml:1: apiVersion is \"heal.kubectl.io/v1\", expected heal.kubectl.io/v1alpha1",
             "a policy starts with apiVersion: heal.kubectl.io/v1alpha1 and kind: HealPolicy; see docs/heal-policy.md"),
            (Self.header + "rules:\n  - selector: \"a b\"\n    deny: [scale]\n",
             "policy.yaml:4: rule 1 has an invalid label selector \"a b\"",
             "write it as for kubectl -l, e.g. \"app=web,tier!=db\" or \"env in (prod,staging)\""),
        ])
    func wording(yaml: String, message: String, hint: String) throws {
        let error = try #require(throws: HealPolicyError.self) { try HealPolicy.parse(yaml, file: "policy.yaml") }
        #expect(error.message == message)
        #expect(error.hint == hint)
    }
}
