import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import HealTestSupport
import Testing
import Yams

/// The rendered report for the bundled example (the end-to-end scenarios as a snapshot), in
/// every format, compared with reviewed golden files.
@Suite("diagnose renders reports")
struct DiagnoseOutputTests {
    @Test("the table lists each broken workload once, worst first, and ends with the summary")
    func table() async throws {
        let run = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example])
        #expect(run.exitCode == 0)
        #expect(run.stderr.isEmpty)
        try GoldenFile.assertMatches(run.stdout, "example-table.txt")
    }

    @Test("wide adds container, pod count, confidence and the fix")
    func wide() async throws {
        let run = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-n", "agentic-demo", "-o", "wide"])
        #expect(run.exitCode == 0)
        try GoldenFile.assertMatches(run.stdout, "example-wide.txt")
    }

    @Test("JSON is the versioned DiagnosisReport document")
    func json() async throws {
        let run = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-o", "json"])
        #expect(run.exitCode == 0)
        try GoldenFile.assertMatches(run.stdout, "example.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["apiVersion"] as? String == "heal.kubectl.io/v1alpha1")
        #expect(document["kind"] as? String == "DiagnosisReport")
    }

    @Test("YAML carries the same document as JSON")
    func yaml() async throws {
        let json = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-o", "json"])
        let yaml = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-o", "yaml"])
        #expect(yaml.exitCode == 0)
        let fromYAML = try #require(try Yams.load(yaml: yaml.stdout) as? [String: Any])
        let fromJSON = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((fromYAML["findings"] as? [Any])?.count == (fromJSON["findings"] as? [Any])?.count)
        #expect((fromYAML["summary"] as? [String: Any])?["text"] as? String == (fromJSON["summary"] as? [String: Any])?["text"] as? String)
    }

    @Test("JUnit is well-formed XML with one failing test case per warning or critical finding")
    func junit() async throws {
        let run = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-o", "junit"])
        #expect(run.exitCode == 0)
        try GoldenFile.assertMatches(run.stdout, "example-junit.xml")
        let delegate = XMLCounter()
        let parser = XMLParser(data: Data(run.stdout.utf8))
        parser.delegate = delegate
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(delegate.counts["failure"] == delegate.counts["testcase"])
    }

    @Test("Markdown has a summary table and a section per finding with its fix")
    func markdown() async throws {
        let run = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-o", "markdown"])
        #expect(run.exitCode == 0)
        try GoldenFile.assertMatches(run.stdout, "example.md")
    }

    @Test("a healthy namespace reports nothing and scores 100")
    func healthy() async throws {
        let run = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-n", "shop"])
        #expect(run.exitCode == 0)
        #expect(run.stdout.hasPrefix("No problems found in"))
        #expect(run.stdout.contains("health score 100/100"))
    }

    @Test("colour appears only on a terminal and never with NO_COLOR")
    func colour() async throws {
        let terminal = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example], stdoutIsTerminal: true)
        #expect(terminal.stdout.contains("\u{1B}[1;31mcritical"))
        let noColor = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example], variables: ["NO_COLOR": "1"], stdoutIsTerminal: true)
        #expect(!noColor.stdout.contains("\u{1B}["))
        let piped = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example])
        #expect(!piped.stdout.contains("\u{1B}["))
    }
}

/// Counts XML elements by name.
private final class XMLCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        counts[elementName, default: 0] += 1
    }
}
