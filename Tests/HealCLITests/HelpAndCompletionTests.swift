import Foundation
import HealTestSupport
import Testing

/// --help describes every flag and the exit codes; the completion backend answers kubectl's
/// plugin completion protocol.
@Suite("Help and completion")
struct HelpAndCompletionTests {
    @Test("every subcommand's --help goes to stdout, exits 0 and lists the exit codes", arguments: [
        ["--help"], ["diagnose", "--help"], ["failover", "--help"], ["failover", "status", "--help"], ["failover", "switch", "--help"],
        ["failover", "watch", "--help"], ["recommend-limits", "--help"], ["anomalies", "--help"], ["forecast", "--help"], ["cost", "--help"], ["cost", "workloads", "--help"],
        ["cost", "scenarios", "--help"], ["learn", "--help"], ["help", "diagnose"],
        ["learn", "list", "--help"], ["learn", "show", "--help"], ["learn", "stats", "--help"], ["learn", "forget", "--help"],
        ["learn", "reset", "--help"], ["learn", "prune", "--help"], ["learn", "export", "--help"], ["learn", "import", "--help"],
    ])
    func help(arguments: [String]) async {
        let run = await CLIRunner.run(arguments)
        #expect(run.exitCode == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("EXIT CODES:"))
        #expect(run.stdout.contains("78  configuration error"))
    }

    @Test("recommend-limits and cost scenarios --help match their reviewed texts")
    func resourcesHelp() async throws {
        try GoldenFile.assertMatches(await CLIRunner.run(["recommend-limits", "--help"]).stdout, "recommend-limits-help.txt")
        try GoldenFile.assertMatches(await CLIRunner.run(["cost", "scenarios", "--help"]).stdout, "cost-scenarios-help.txt")
        try GoldenFile.assertMatches(await CLIRunner.run(["timeline", "--help"]).stdout, "timeline-help.txt")
    }

    @Test("diagnose --help matches its reviewed text")
    func diagnoseHelp() async throws {
        let run = await CLIRunner.run(["diagnose", "--help"])
        try GoldenFile.assertMatches(run.stdout, "diagnose-help.txt")
        for flag in ["--kubeconfig", "--context", "--namespace", "--all-namespaces", "--selector", "--as ", "--as-group", "--request-timeout", "--insecure-skip-tls-verify", "--snapshot", "--output", "--analyzers", "--hygiene", "--exclude-namespace", "--min-age", "--fail-on", "--explain", "--fix", "--watch"] {
            #expect(run.stdout.contains(flag), "diagnose --help does not mention \(flag)")
        }
    }

    @Test("failover's --help texts match their reviewed text", arguments: ["status", "switch", "watch"])
    func failoverHelp(subcommand: String) async throws {
        let run = await CLIRunner.run(["failover", subcommand, "--help"])
        try GoldenFile.assertMatches(run.stdout, "failover-\(subcommand)-help.txt")
        #expect(!run.stdout.contains("--all-namespaces"), "failover works on one Service; -A has no meaning there")
    }

    @Test("learn's --help texts match their reviewed text", arguments: ["", "prune", "import"])
    func learnHelp(subcommand: String) async throws {
        let run = await CLIRunner.run(["learn"] + (subcommand.isEmpty ? [] : [subcommand]) + ["--help"])
        try GoldenFile.assertMatches(run.stdout, subcommand.isEmpty ? "learn-help.txt" : "learn-\(subcommand)-help.txt")
        #expect(run.stdout.contains("--store"))
    }

    @Test("--version prints the version")
    func version() async {
        let run = await CLIRunner.run(["--version"])
        #expect(run.exitCode == 0)
        #expect(run.stdout.wholeMatch(of: #/\d+\.\d+\.\d+\n/#) != nil)
    }

    @Test("completing `diagnose -` lists diagnose's flags with their help, and no files")
    func flags() async {
        let run = await CLIRunner.run(["__complete", "diagnose", "-"])
        #expect(run.exitCode == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.last == ":4")
        #expect(lines.contains { $0.hasPrefix("--snapshot\t") })
        #expect(lines.contains { $0.hasPrefix("-n\t") })
        #expect(lines.contains { $0.hasPrefix("--fail-on\t") })
    }

    @Test("completing the first word lists the visible subcommands")
    func subcommands() async {
        let run = await CLIRunner.run(["__complete", ""])
        let names = run.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
        #expect(Set(names.dropLast()) == ["diagnose", "timeline", "anomalies", "forecast", "failover", "recommend-limits", "cost", "learn", "mcp", "help"])
    }

    @Test("option values complete from their allowed values, contexts from the kubeconfig")
    func values() async throws {
        let formats = await CLIRunner.run(["__complete", "diagnose", "-o", "j"])
        #expect(formats.stdout == "json\njunit\n:4\n")
        let severities = await CLIRunner.run(["__complete", "diagnose", "--fail-on", ""])
        #expect(severities.stdout == "info\nwarning\ncritical\n:4\n")
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("config", TestCluster.kubeconfig(server: "https://127.0.0.1:6443", token: "t"))
        let contexts = await CLIRunner.run(["__complete", "diagnose", "--context", ""], variables: ["KUBECONFIG": kubeconfig.path])
        #expect(contexts.stdout == "other\ntest\n:4\n")
        let typed = await CLIRunner.run(["__complete", "diagnose", "--kubeconfig", kubeconfig.path, "--context", ""])
        #expect(typed.stdout == "other\ntest\n:4\n", "a --kubeconfig already typed is where contexts come from")
        let files = await CLIRunner.run(["__complete", "diagnose", "--snapshot", ""])
        #expect(files.stdout == ":0\n")
        let kubeconfigFiles = await CLIRunner.run(["__complete", "diagnose", "--kubeconfig", ""])
        #expect(kubeconfigFiles.stdout == ":0\n")
        let analyzers = await CLIRunner.run(["__complete", "diagnose", "--analyzers", "pod-c"])
        #expect(analyzers.stdout == "pod-crash-loop\npod-creating\n:4\n")
    }

    @Test("diagnose's positional arguments complete to resource types")
    func resourceTypes() async {
        let run = await CLIRunner.run(["__complete", "diagnose", "de"])
        #expect(run.stdout == "deployment/\n:6\n")
    }
}
