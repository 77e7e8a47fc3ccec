import HealModel
import Testing

@Suite("LabelSelectorExpression parses and matches kubectl -l selectors")
struct LabelSelectorExpressionTests {
    typealias Requirement = LabelSelectorExpression.Requirement

    @Test(
        "each operator parses to its requirement",
        arguments: [
            ("app=web", [Requirement.equals("app", "web")]),
            ("app==web", [.equals("app", "web")]),
            ("app!=web", [.notEquals("app", "web")]),
            ("env in (prod,staging)", [.isIn("env", ["prod", "staging"])]),
            ("env notin (dev)", [.notIn("env", ["dev"])]),
            ("team", [.exists("team")]),
            ("!legacy", [.doesNotExist("legacy")]),
            ("app.kubernetes.io/name=web", [.equals("app.kubernetes.io/name", "web")]),
            ("app=", [.equals("app", "")]),
            ("", []),
        ])
    func parses(text: String, requirements: [Requirement]) throws {
        let expression = try #require(LabelSelectorExpression(text))
        #expect(expression.requirements == requirements)
    }

    @Test("spaces around operators, values and commas are ignored")
    func spaces() throws {
        let expression = try #require(LabelSelectorExpression(" app = web , tier != cache ,env in ( prod , staging ), ! legacy , team "))
        #expect(expression.requirements == [
            .equals("app", "web"), .notEquals("tier", "cache"), .isIn("env", ["prod", "staging"]),
            .doesNotExist("legacy"), .exists("team"),
        ])
    }

    @Test(
        "malformed selectors are rejected",
        arguments: ["app=web=x", "env in prod", "env in (prod", "a b", "!", "app!web", "=web", "env in (a),(b)", "app=(web)"])
    func rejects(text: String) {
        #expect(LabelSelectorExpression(text) == nil)
    }

    @Test(
        "matching follows the API server: != and notin match objects without the key",
        arguments: [
            ("app=web", true), ("app=db", false), ("app!=db", true), ("zone!=a", true), ("app!=web", false),
            ("env in (prod,staging)", true), ("zone in (a)", false), ("env notin (prod)", false), ("zone notin (a)", true),
            ("tier", true), ("zone", false), ("!zone", true), ("!tier", false),
            ("app=web,env=prod", true), ("app=web,env=dev", false), ("", true),
        ])
    func matches(text: String, expected: Bool) throws {
        let labels = ["app": "web", "env": "prod", "tier": "frontend"]
        let expression = try #require(LabelSelectorExpression(text))
        #expect(expression.matches(labels) == expected)
    }
}
