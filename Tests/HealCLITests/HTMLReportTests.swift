import Foundation
import HealAnalysis
@testable import HealCLI
import HealKube
import HealModel
import HealTestSupport
import Testing

/// `-o html` loaded in a real headless Chromium: the page is self-contained (its content
/// security policy would turn any fetch into a console error), and what it shows is what the
/// report says.
@Suite("diagnose -o html")
struct HTMLReportTests {
    /// Chromium's load of `html`, written to a temporary file.
    private func load(_ html: String) async throws -> HeadlessChromium.Load {
        let file = FileManager.default.temporaryDirectory.appending(path: "report-\(UUID().uuidString).html")
        try Data(html.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try await HeadlessChromium.load(file)
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test("the example report loads with no console message and shows the summary, every finding grouped by namespace and owner, and its fix")
    func example() async throws {
        let run = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-o", "html"])
        #expect(run.exitCode == 0)
        #expect(run.stderr.isEmpty)
        let json = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-o", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])

        let load = try await load(run.stdout)
        #expect(load.consoleLines.isEmpty, "\(load.consoleLines)")
        let dom = load.dom
        #expect(dom.contains("data-findings=\"7\" data-critical=\"7\" data-warning=\"0\" data-info=\"0\" data-suppressed=\"0\""))
        #expect(dom.contains("<span class=\"value\">50</span><span class=\"label\">health score</span>"))
        #expect(dom.contains("7 findings (7 critical); 7 of 14 resources unhealthy; health score 50/100."))
        #expect(count("<div class=\"finding critical\"", in: dom) == findings.count)
        for finding in findings {
            let code = try #require(finding["code"] as? String)
            #expect(dom.contains("data-code=\"\(code)\""), "\(code)")
        }
        #expect(count("<section class=\"namespace\"", in: dom) == 1)
        #expect(dom.contains("<h2>Namespace agentic-demo</h2>"))
        #expect(dom.contains("<h3>Deployment memory-hungry</h3>"))
        #expect(dom.contains("<h3>Service api-gateway</h3>"))
        #expect(dom.contains("kubectl -n agentic-demo set resources deployment/memory-hungry -c memory-hungry --limits=memory=228Mi"))
        #expect(count("<details class=\"evidence\">", in: dom) == findings.count, "every finding here has evidence, collapsed")
        #expect(!dom.contains("<script"))
    }

    @Test("suppressed findings, re-graded severities and the errors list appear, escaped")
    func suppressedAndErrors() async throws {
        let run = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-n", "agentic-demo", "-o", "html", "--ignore", "oom-killed"])
        let load = try await load(run.stdout)
        #expect(load.consoleLines.isEmpty, "\(load.consoleLines)")
        #expect(load.dom.contains("data-suppressed=\"1\""))
        #expect(load.dom.contains("<h2>Suppressed (1)</h2>"))
        #expect(load.dom.contains("<td><code>oom-killed</code></td><td>flag (--ignore)</td><td>ignored with --ignore</td>"))
        #expect(!load.dom.contains("data-code=\"oom-killed\""))
    }

    @Test("a re-graded finding says so, the errors list is shown, and text from the cluster or a config file stays text")
    func overrideErrorsEscaping() async throws {
        let snapshot = try SnapshotLoader().load(CLIRunner.example).snapshot
        let hostile = "<script>alert(1)</script> & \"quoted\" 'single'"
        let rule = FindingRule(codes: ["oom-killed"], reason: hostile, origin: .configFile(path: "c.yaml", line: 2))
        let now = snapshot.referenceTime ?? Timestamp(secondsSince1970: 0)
        let diagnosis = Diagnoser.diagnose(
            snapshot, options: DiagnosisOptions(suppression: SuppressionRules(severity: [SeverityRule(rule: rule, severity: .warning)])), now: now)
        var report = DiagnosisReport(
            diagnosis: diagnosis, snapshot: snapshot, source: .init(type: "snapshot", path: "<dump>"), namespaces: nil, generatedAt: now, referenceTime: now)
        report.errors = [UnreadableResource(resource: "secrets", namespace: "shop", reason: "Forbidden", message: "secrets is forbidden: User \"<img src=x>\" cannot list")]
        let load = try await load(try HTMLReport.render(report))
        #expect(load.consoleLines.isEmpty, "\(load.consoleLines)")
        let dom = load.dom
        #expect(dom.contains("<div class=\"finding warning\" data-code=\"oom-killed\">"))
        #expect(dom.contains("<p class=\"override\">Severity set from critical by c.yaml:2: &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quoted\" 'single'</p>"))
        #expect(dom.contains("<h2>Not read (1): the report is partial there</h2>"))
        #expect(dom.contains("<td>secrets</td><td>shop</td><td>Forbidden</td><td>secrets is forbidden: User \"&lt;img src=x&gt;\" cannot list</td>"))
        #expect(dom.contains("snapshot &lt;dump&gt;"))
        #expect(!dom.contains("<script") && !dom.contains("<img"))
    }

    @Test("the console check catches a page that fetches anything, so an empty list means something")
    func consoleCheckCanFail() async throws {
        let run = """
            <!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            </head><body><img src="http://127.0.0.1:9/x.png"></body></html>
            """
        let load = try await load(run)
        #expect(load.consoleLines.count == 1)
        #expect(load.consoleLines.first?.contains("violates the following Content Security Policy directive") == true)
    }

    @Test("timeline -o html loads with no console message, marks the first failure and the trigger, and keeps every entry")
    func timeline() async throws {
        let rollout = Fixtures.scenario("agentic-demo-rollout").path
        let run = await CLIRunner.run(["timeline", "deployment/mysql-client", "-n", "agentic-demo", "--snapshot", rollout, "--since", "30d", "-o", "html"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let json = await CLIRunner.run(["timeline", "deployment/mysql-client", "-n", "agentic-demo", "--snapshot", rollout, "--since", "30d", "-o", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entries = try #require(document["entries"] as? [[String: Any]])

        let load = try await load(run.stdout)
        #expect(load.consoleLines.isEmpty, "\(load.consoleLines)")
        let dom = load.dom
        #expect(count("<tr class=\"entry ", in: dom) == entries.count)
        let rows = dom.components(separatedBy: "<tr class=\"entry ").dropFirst().map { $0.prefix { $0 != ">" } }
        #expect(rows.filter { $0.split(separator: " ").contains("failure") || $0.hasSuffix("failure\"") }.count == 1, "\(rows)")
        #expect(dom.contains("<tr class=\"entry rollout trigger\">"))
        #expect(dom.contains("<tr class=\"entry termination failure\">"))
        #expect(dom.contains("Probable trigger: deployment/mysql-client: revision 3"))
        #expect(dom.contains("<h1>Timeline of deployment/mysql-client in namespace agentic-demo</h1>"))
    }
}
