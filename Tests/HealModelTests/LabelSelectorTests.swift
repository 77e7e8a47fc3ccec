import HealModel
import Testing

@Suite("LabelSelector and Service selectors match labels with Kubernetes semantics")
struct LabelSelectorTests {
    static let web = ["app": "web", "env": "prod", "tier": "frontend"]

    @Test(
        "workload selectors: matchLabels and every operator",
        arguments: [
            (#"{}"#, ["app": "web"], true),
            (#"{}"#, [:], true),
            (#"{"matchLabels": {"app": "web"}}"#, web, true),
            (#"{"matchLabels": {"app": "web"}}"#, ["app": "db"], false),
            (#"{"matchLabels": {"app": "web"}}"#, [:], false),
            (#"{"matchExpressions": [{"key": "env", "operator": "In", "values": ["prod", "staging"]}]}"#, web, true),
            (#"{"matchExpressions": [{"key": "env", "operator": "In", "values": ["dev"]}]}"#, web, false),
            (#"{"matchExpressions": [{"key": "zone", "operator": "In", "values": ["a"]}]}"#, web, false),
            (#"{"matchExpressions": [{"key": "env", "operator": "NotIn", "values": ["dev"]}]}"#, web, true),
            (#"{"matchExpressions": [{"key": "env", "operator": "NotIn", "values": ["prod"]}]}"#, web, false),
            (#"{"matchExpressions": [{"key": "zone", "operator": "NotIn", "values": ["a"]}]}"#, web, true),
            (#"{"matchExpressions": [{"key": "tier", "operator": "Exists"}]}"#, web, true),
            (#"{"matchExpressions": [{"key": "zone", "operator": "Exists"}]}"#, web, false),
            (#"{"matchExpressions": [{"key": "zone", "operator": "DoesNotExist"}]}"#, web, true),
            (#"{"matchExpressions": [{"key": "tier", "operator": "DoesNotExist", "values": null}]}"#, web, false),
            (#"{"matchExpressions": [{"key": "tier", "operator": "Gt", "values": ["1"]}]}"#, web, false),
            (#"{"matchLabels": {"app": "web"}, "matchExpressions": [{"key": "env", "operator": "In", "values": ["dev"]}]}"#, web, false),
            (#"{"matchLabels": {"app": "web"}, "matchExpressions": [{"key": "env", "operator": "In", "values": ["prod"]}]}"#, web, true),
        ] as [(String, [String: String], Bool)])
    func workloadSelector(json: String, labels: [String: String], matches: Bool) throws {
        let selector = try decode(json, as: LabelSelector.self)
        #expect(selector.matches(labels) == matches)
    }

    @Test("a selector built in code matches like a decoded one")
    func builtSelector() {
        #expect(LabelSelector(matchLabels: ["app": "web"]).matches(Self.web))
        #expect(!LabelSelector(matchLabels: ["app": "web", "env": "dev"]).matches(Self.web))
        #expect(LabelSelector().matches([:]))
    }

    @Test(
        "Service selectors: a plain map where empty selects nothing",
        arguments: [
            ([:], web, false),
            ([:], [:], false),
            (["app": "web"], web, true),
            (["app": "web", "env": "prod"], web, true),
            (["app": "web", "env": "dev"], web, false),
            (["app": "web"], [:], false),
        ] as [([String: String], [String: String], Bool)])
    func serviceSelector(selector: [String: String], labels: [String: String], selects: Bool) {
        #expect(selector.selects(labels) == selects)
    }

    @Test("selector text lists pairs sorted by key")
    func selectorText() {
        #expect(["version": "blue", "app": "web"].selectorText == "app=web,version=blue")
        #expect([String: String]().selectorText == "")
    }
}
