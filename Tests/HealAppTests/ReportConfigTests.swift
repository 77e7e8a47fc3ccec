import Foundation
import HealAnalysis
@testable import HealApp
import HealModel
import HealTestSupport
import Testing

/// The config file: strict like the policy (a typo is an error with its line, never a rule that
/// silently matches nothing), found where an SRE expects it.
@Suite("The config file's suppression and severity rules")
struct ReportConfigTests {
    static let header = "apiVersion: heal.kubectl.io/v1alpha1\nkind: HealConfig\n"

    @Test("a full file reads into rules with their namespaces, selector, reason and line")
    func reads() throws {
        let rules = try ReportConfig.parse(Self.header + """
            suppress:
              - codes: [missing-probes, image-latest-tag]
                namespaces: [legacy, batch-*]
                selector: tier!=web
                reason: "legacy batch jobs; OPS-142"
            severity:
              - codes: ["*"]
                namespaces: [sandbox]
                severity: info
                reason: sandboxes never page
            """, file: "c.yaml")
        let ignore = try #require(rules.ignore.first)
        #expect(rules.ignore.count == 1)
        #expect(ignore.codes == ["missing-probes", "image-latest-tag"])
        #expect(ignore.namespaces.map(\.text) == ["legacy", "batch-*"])
        #expect(ignore.selector == LabelSelectorExpression("tier!=web"))
        #expect(ignore.reason == "legacy batch jobs; OPS-142")
        #expect(ignore.origin == .configFile(path: "c.yaml", line: 4))
        let severity = try #require(rules.severity.first)
        #expect(severity.severity == .info)
        #expect(severity.rule.codes == [FindingRule.anyCode])
        #expect(severity.rule.origin == .configFile(path: "c.yaml", line: 9))
    }

    @Test("the README's example config file is valid")
    func readmeExample() throws {
        let readme = try String(contentsOf: Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appending(path: "README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let examples = blocks.filter { $0.contains("kind: HealConfig") }
        #expect(examples.count == 1)
        for example in examples {
            let rules = try ReportConfig.parse(example, file: "README.md")
            #expect(rules.ignore.count == 1 && rules.severity.count == 1)
        }
    }

    @Test("an empty file, or one with only the header, has no rules")
    func empty() throws {
        #expect(try ReportConfig.parse("", file: "c.yaml") == SuppressionRules())
        #expect(try ReportConfig.parse(Self.header, file: "c.yaml") == SuppressionRules())
    }

    @Test(
        "each mistake is its own problem, at its line",
        arguments: [
            ("suppress: [a\n", nil as Int?, ReportConfigError.Problem.notYAML(detail: "YAML syntax error at line 2, column 1: did not find expected ',' or ']'")),
            ("kind: HealConfig\n", 1, .shape(.missingField(key: "apiVersion", place: "the config file"))),
            ("apiVersion: heal.kubectl.io/v1alpha1\nkind: HealPolicy\n", 2, .wrongKind(found: "HealPolicy")),
            (header + "supress: []\n", 3, .shape(.unknownKey(key: "supress", place: "the config file", valid: ["apiVersion", "kind", "suppress", "severity"]))),
            (header + "suppress:\n  codes: [oom-killed]\n", 4, .shape(.notAList(place: "suppress"))),
            (header + "suppress:\n  - codes: [oom-kiled]\n    reason: r\n", 4, .unknownCode(code: "oom-kiled", rule: "suppress rule 1")),
            (header + "suppress:\n  - codes: []\n    reason: r\n", 4, .noCodes(rule: "suppress rule 1")),
            (header + "suppress:\n  - codes: [oom-killed]\n", 4, .noReason(rule: "suppress rule 1")),
            (header + "suppress:\n  - codes: [oom-killed]\n    reason: \"  \"\n", 4, .noReason(rule: "suppress rule 1")),
            (header + "suppress:\n  - codes: [oom-killed]\n    namespace: [shop]\n    reason: r\n", 5,
             .shape(.unknownKey(key: "namespace", place: "suppress rule 1", valid: ["codes", "namespaces", "selector", "reason"]))),
            (header + "suppress:\n  - codes: [oom-killed]\n    namespaces: [Shop]\n    reason: r\n", 5,
             .shape(.badNamespacePattern(pattern: "Shop", place: "suppress rule 1"))),
            (header + "suppress:\n  - codes: [oom-killed]\n    selector: \"a b\"\n    reason: r\n", 5,
             .shape(.badSelector(selector: "a b", place: "suppress rule 1"))),
            (header + "suppress:\n  - codes: [oom-killed]\n    severity: info\n    reason: r\n", 5,
             .shape(.unknownKey(key: "severity", place: "suppress rule 1", valid: ["codes", "namespaces", "selector", "reason"]))),
            (header + "severity:\n  - codes: [oom-killed]\n    reason: r\n", 4, .shape(.missingField(key: "severity", place: "severity rule 1"))),
            (header + "severity:\n  - codes: [oom-killed]\n    severity: high\n    reason: r\n", 5, .badSeverity(found: "high", rule: "severity rule 1")),
        ])
    func problems(yaml: String, line: Int?, problem: ReportConfigError.Problem) {
        #expect(throws: ReportConfigError(file: "c.yaml", line: line, problem: problem)) { try ReportConfig.parse(yaml, file: "c.yaml") }
    }

    @Test("a typo'd code is suggested, and the hint says where the codes are")
    func wording() {
        let error = ReportConfigError(file: "c.yaml", line: 4, problem: .unknownCode(code: "oom-kiled", rule: "suppress rule 1"))
        #expect(error.message == "c.yaml:4: suppress rule 1 names an unknown finding code \"oom-kiled\" (did you mean oom-killed?)")
        #expect(error.hint == "the codes are listed in the README's finding codes table, or use \"*\" for every code")
    }

    @Test("hints fit the place: the header for the top level, the rule's shape for a rule")
    func hints() {
        let header = "a config file starts with apiVersion: heal.kubectl.io/v1alpha1 and kind: HealConfig; see the README's \"Suppressing findings\""
        #expect(ReportConfigError(file: "c", problem: .shape(.missingField(key: "kind", place: "the config file"))).hint == header)
        #expect(ReportConfigError(file: "c", problem: .shape(.notAMapping(place: "the config file"))).hint == header)
        #expect(ReportConfigError(file: "c", problem: .shape(.missingField(key: "severity", place: "severity rule 1"))).hint
            == "add severity: to the rule; see the README's \"Suppressing findings\" for an example")
        #expect(ReportConfigError(file: "c", problem: .shape(.notAMapping(place: "suppress rule 1"))).hint
            == "each rule is a mapping with codes and a reason, e.g. - {codes: [missing-probes], reason: \"why\"}")
        #expect(ReportConfigError(file: "c", problem: .notUTF8).hint == "save it as UTF-8")
    }

    @Test("a file that is not UTF-8 is its own error")
    func notUTF8() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "latin1-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data([0x6B, 0x69, 0x6E, 0x64, 0x3A, 0x20, 0xE9, 0xFF, 0x0A]).write(to: file)
        #expect(throws: ReportConfigError(file: file.path, problem: .notUTF8)) { try ReportConfig.load(named: file.path, in: UseCaseTests.environment()) }
    }

    @Test("the file is --config, else .kubectl-heal.yaml in the working directory, else $XDG_CONFIG_HOME's, else ~/.config's")
    func lookup() throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "report-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let work = root.appending(path: "work").path
        let home = root.appending(path: "home").path
        let xdg = root.appending(path: "xdg").path
        for folder in [work, home + "/.config/kubectl-heal", xdg + "/kubectl-heal"] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var environment = UseCaseTests.environment()
        environment.homeDirectory = home
        environment.workingDirectory = work
        #expect(ReportConfig.path(named: nil, in: environment) == nil)
        #expect(try ReportConfig.load(named: nil, in: environment) == SuppressionRules())

        FileManager.default.createFile(atPath: home + "/.config/kubectl-heal/config.yaml", contents: Data(Self.header.utf8))
        #expect(ReportConfig.path(named: nil, in: environment) == home + "/.config/kubectl-heal/config.yaml")
        environment.variables["XDG_CONFIG_HOME"] = xdg
        #expect(ReportConfig.path(named: nil, in: environment) == nil, "XDG_CONFIG_HOME replaces ~/.config")
        FileManager.default.createFile(atPath: xdg + "/kubectl-heal/config.yaml", contents: Data(Self.header.utf8))
        #expect(ReportConfig.path(named: nil, in: environment) == xdg + "/kubectl-heal/config.yaml")
        environment.variables["XDG_CONFIG_HOME"] = "relative/xdg"
        #expect(ReportConfig.path(named: nil, in: environment) == home + "/.config/kubectl-heal/config.yaml", "a relative XDG_CONFIG_HOME is ignored")
        environment.variables["XDG_CONFIG_HOME"] = xdg
        FileManager.default.createFile(atPath: work + "/.kubectl-heal.yaml", contents: Data(Self.header.utf8))
        #expect(ReportConfig.path(named: nil, in: environment) == work + "/.kubectl-heal.yaml")
        #expect(ReportConfig.path(named: "other.yaml", in: environment) == "other.yaml")

        #expect(throws: ReportConfigError(file: root.path + "/missing.yaml", problem: .unreadable(reason: "no such file or directory"))) {
            try ReportConfig.load(named: root.path + "/missing.yaml", in: environment)
        }
    }
}
