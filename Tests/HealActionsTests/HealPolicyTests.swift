import Foundation
import HealActions
import HealAnalysis
import HealTestSupport
import Testing

@Suite("HealPolicy decides which actions run unattended, per namespace and labels")
struct HealPolicyTests {
    static let repository = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
    static let sampleFile = repository.appending(path: "deploy/heal-policy.yaml").path

    @Test("the sample policy in deploy/ loads")
    func sampleLoads() throws {
        let policy = try HealPolicy.load(contentsOf: Self.sampleFile)
        #expect(policy.defaultDecision == .confirm)
        #expect(policy.rules.count == 4)
        #expect(policy.rules[1].namespaces.map(\.text) == ["shop", "team-*"])
        #expect(policy.rules[1].decisions == [.setImage: .allow, .raiseMemoryLimit: .allow, .restartPod: .allow, .rollback: .confirm, .scale: .deny])
        #expect(policy.rules[0].otherActions == .deny)
        #expect(policy.rules[0].selectorText == "tier=db")
    }

    @Test("every YAML example in docs/heal-policy.md is a valid policy")
    func documentedExamples() throws {
        let doc = try String(contentsOf: Self.repository.appending(path: "docs/heal-policy.md"), encoding: .utf8)
        let examples = doc.matches(of: #/```yaml\n(?<body>(?s:.*?))```/#).map { String($0.output.body) }
        #expect(examples.count == 4)
        for example in examples {
            #expect(throws: Never.self) { try HealPolicy.parse(example, file: "docs/heal-policy.md") }
        }
    }

    @Test(
        "the first applicable rule that names the action decides; otherwise the default",
        arguments: [
            // action, namespace, labels, decision, deciding rule
            (Remediation.Action.setImage, "shop", ["app": "web"], PolicyDecision.allow, 2 as Int?),
            (.rollback, "shop", [:], .confirm, 2),
            (.scale, "team-payments", [:], .deny, 2),
            // rule 1 (tier=db, "*") wins over rule 2 in shop.
            (.setImage, "shop", ["tier": "db"], .deny, 1),
            // rule 2 does not name set-env, so rule 3 decides for the opted-in workload…
            (.setEnv, "shop", ["heal.kubectl.io/auto": "true"], .confirm, 3),
            (.scale, "elsewhere", ["heal.kubectl.io/auto": "true"], .allow, 3),
            // …and the default for one that did not opt in.
            (.setEnv, "shop", [:], .confirm, nil),
            (.restartPod, "prod-eu", [:], .allow, 4),
            (.rollback, "prod-eu", [:], .confirm, nil),
            // a glob matches the whole name, not a prefix.
            (.setImage, "myshop", [:], .confirm, nil),
            (.setImage, "team-", [:], .allow, 2),
        ])
    func decisions(action: Remediation.Action, namespace: String, labels: [String: String], decision: PolicyDecision, rule: Int?) throws {
        let policy = try HealPolicy.load(contentsOf: Self.sampleFile)
        let verdict = policy.verdict(for: action, namespace: namespace, labels: labels)
        #expect(verdict.decision == decision)
        #expect(verdict.rule == rule)
    }

    @Test("the verdict says which rule decided, and why")
    func reasons() throws {
        let policy = try HealPolicy.parse(
            """
            apiVersion: heal.kubectl.io/v1alpha1
            kind: HealPolicy
            default: deny
            rules:
              - namespaces: [shop, team-*]
                selector: tier!=db
                allow: [set-image]
              - confirm: [rollback]
            """, file: "heal-policy.yaml")
        #expect(policy.verdict(for: .setImage, namespace: "shop", labels: [:]).reason
            == "rule 1 of heal-policy.yaml (namespaces shop, team-*; selector tier!=db) allows set-image unattended")
        #expect(policy.verdict(for: .rollback, namespace: "shop", labels: [:]).reason
            == "rule 2 of heal-policy.yaml (every workload) requires confirmation (or --yes) for rollback")
        #expect(policy.verdict(for: .scale, namespace: "shop", labels: [:]).reason
            == "no rule of heal-policy.yaml names scale for namespace shop, and its default denies scale")
    }

    @Test("without --policy every action asks, and a manual remediation never runs")
    func interactiveDefault() {
        for action in Remediation.Action.runnable {
            let verdict = HealPolicy.interactiveDefault.verdict(for: action, namespace: "shop", labels: [:])
            #expect(verdict.decision == .confirm)
            #expect(verdict.reason == "without --policy, the built-in policy requires confirmation (or --yes) for \(action.rawValue)")
        }
        let policy = HealPolicy(defaultDecision: .allow)
        #expect(policy.verdict(for: .manual, namespace: "shop", labels: [:]).decision == .deny)
    }

    @Test("an empty policy with only the header takes confirm as its default")
    func minimal() throws {
        let policy = try HealPolicy.parse("apiVersion: heal.kubectl.io/v1alpha1\nkind: HealPolicy\nrules:\n", file: "p.yaml")
        #expect(policy == HealPolicy(defaultDecision: .confirm, file: "p.yaml"))
    }

    @Test(
        "namespace globs match whole names",
        arguments: [
            ("shop", "shop", true), ("shop", "shop2", false), ("team-*", "team-a", true), ("team-*", "team-", true),
            ("team-*", "xteam-a", false), ("*-prod", "eu-prod", true), ("*-prod", "eu-prod-2", false),
            ("shop-?", "shop-1", true), ("shop-?", "shop-12", false), ("*", "anything", true), ("a*b*c", "aXbYbZc", true),
            ("a*b*c", "aXbYc-d", false),
        ])
    func globs(pattern: String, namespace: String, matches: Bool) throws {
        #expect(try #require(NamespacePattern(pattern)).matches(namespace) == matches)
    }

    @Test("an unreadable file names the file and the reason")
    func unreadable() {
        #expect(throws: HealPolicyError(file: "/nonexistent/policy.yaml", problem: .unreadable(reason: "no such file"))) {
            try HealPolicy.load(contentsOf: "/nonexistent/policy.yaml")
        }
    }
}
