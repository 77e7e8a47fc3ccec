import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import HealTestSupport
import Testing

/// `--ignore`, the config file and the annotation from the command line: what is left out is
/// still counted and listed with who asked, and a typo fails instead of hiding nothing.
@Suite("diagnose suppresses what a team chose to leave out")
struct SuppressionCommandTests {
    private static let header = "apiVersion: heal.kubectl.io/v1alpha1\nkind: HealConfig\n"

    private func folder(_ config: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "suppression-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(config.utf8).write(to: folder.appending(path: ".kubectl-heal.yaml"))
        return folder
    }

    @Test("--ignore drops the code from the table, counts it in the summary and lists it with -o wide")
    func ignoreFlag() async throws {
        let plain = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-n", "agentic-demo", "--ignore", "oom-killed"])
        #expect(plain.exitCode == 0)
        #expect(!plain.stdout.contains("oom-killed"))
        #expect(plain.stdout.contains("; 1 suppressed; health score"))

        let wide = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-n", "agentic-demo", "--ignore", "oom-killed", "-o", "wide"])
        let lines = wide.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("SUPPRESSED") })
        #expect(lines[header + 1].contains("deployment/memory-hungry"))
        #expect(lines[header + 1].contains("oom-killed"))
        #expect(lines[header + 1].contains("--ignore"))
    }

    @Test("--fail-on does not fail on a suppressed finding")
    func failOn() async throws {
        let failing = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-n", "agentic-demo", "--fail-on", "critical"])
        #expect(failing.exitCode == 1)
        let quiet = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-n", "agentic-demo", "--fail-on", "critical", "--ignore", "*"])
        #expect(quiet.exitCode == 0, "\(quiet.stdout)")
        #expect(quiet.stdout.hasPrefix("No problems found in "))
        #expect(quiet.stdout.contains("7 suppressed"))
    }

    @Test("a typo'd --ignore code is a usage error that suggests the code")
    func typo() async {
        let run = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "--ignore", "oom-kiled"])
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains("--ignore names an unknown finding code \"oom-kiled\" (did you mean oom-killed?)"))
        #expect(run.stdout.isEmpty)
    }

    @Test("--ignore with no code, and --config with no path, are usage errors")
    func emptyValues() async {
        for (arguments, message) in [
            (["--ignore", ","], "error: --ignore names no finding code; give one or more"),
            (["--config", ""], "error: --config names no file; give a path, or /dev/null to read none"),
        ] {
            let run = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example] + arguments)
            #expect(run.exitCode == 64)
            #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
        }
    }

    @Test(".kubectl-heal.yaml in the working directory is read; JSON lists the suppressed finding and the re-graded one")
    func configInWorkingDirectory() async throws {
        let folder = try folder(Self.header + """
            suppress:
              - codes: [image-tag-not-found]
                namespaces: [agentic-*]
                reason: the demo's typo, on purpose
            severity:
              - codes: [missing-env-vars]
                severity: warning
                reason: optional client
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-n", "agentic-demo", "-o", "json"], workingDirectory: folder.path)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let suppressed = try #require(document["suppressed"] as? [[String: Any]])
        #expect(suppressed.count == 1)
        #expect((suppressed.first?["finding"] as? [String: Any])?["code"] as? String == "image-tag-not-found")
        let by = try #require(suppressed.first?["suppressedBy"] as? [String: String])
        #expect(by == ["source": "config", "reason": "the demo's typo, on purpose", "location": folder.path + "/.kubectl-heal.yaml:4"])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let regraded = try #require(findings.first { $0["code"] as? String == "missing-env-vars" })
        #expect(regraded["severity"] as? String == "warning")
        #expect((regraded["severityOverride"] as? [String: String])?["original"] == "critical")
        #expect((document["summary"] as? [String: Any])?["suppressed"] as? Int == 1)

        let ignored = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-n", "agentic-demo", "--config", "/dev/null"], workingDirectory: folder.path)
        #expect(ignored.stdout.contains("image-tag-not-found"), "--config names another file, so the working directory's is not read")
    }

    @Test("a bad config file stops the run with its line and a hint (exit 65) and prints no report")
    func badConfig() async throws {
        let folder = try folder(Self.header + "suppress:\n  - codes: [oom-killed]\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example], workingDirectory: folder.path)
        #expect(run.exitCode == 65)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(".kubectl-heal.yaml:4: suppress rule 1 gives no reason"))
        #expect(run.stderr.contains("hint: say why"))
    }

    @Test("JUnit marks suppressed findings skipped, with who asked")
    func junit() async throws {
        let run = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-n", "agentic-demo", "-o", "junit", "--ignore", "oom-killed"])
        let document = try XMLDocument(data: Data(run.stdout.utf8))
        let suite = try #require(try document.nodes(forXPath: "//testsuite").first as? XMLElement)
        #expect(suite.attribute(forName: "skipped")?.stringValue == "1")
        let skipped = try document.nodes(forXPath: "//testcase[skipped]")
        #expect(skipped.count == 1)
        #expect((skipped.first as? XMLElement)?.attribute(forName: "name")?.stringValue == "oom-killed")
        let message = try document.nodes(forXPath: "//skipped/@message").first?.stringValue
        #expect(message == "suppressed by flag (--ignore): ignored with --ignore")
    }

    @Test("markdown lists what was suppressed under its own heading")
    func markdown() async {
        let run = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-n", "agentic-demo", "-o", "markdown", "--ignore", "oom-killed"])
        #expect(run.stdout.contains("## Suppressed\n\n| Severity | Resource | Code | By | Reason |"))
        #expect(run.stdout.contains("| critical | agentic-demo/deployment/memory-hungry | `oom-killed` | flag (--ignore) | ignored with --ignore |"))
    }
}
