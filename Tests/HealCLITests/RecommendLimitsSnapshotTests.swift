import Foundation
import HealTestSupport
import Testing

/// `recommend-limits` offline: without usage only OOM kills in pod status count, everything
/// else is "?" with the reason; the output formats; --fail-on; option errors.
@Suite("recommend-limits offline")
struct RecommendLimitsSnapshotTests {
    @Test("from a snapshot: memory-hungry's OOM kill at 128Mi gives 228Mi (low confidence); the rest is ? with the reason")
    func table() async throws {
        let run = await CLIRunner.run(["recommend-limits", "--snapshot", CLIRunner.example, "-n", "agentic-demo"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        try GoldenFile.assertMatches(run.stdout, "recommend-example.txt")
        #expect(run.stdout.contains("128Mi → 228Mi"))
        #expect(run.stderr.contains("no usage figures"), "the missing usage source is said on stderr too: \(run.stderr)")
    }

    @Test("-o patch prints one kubectl patch command per workload that changes")
    func patch() async throws {
        let run = await CLIRunner.run(["recommend-limits", "--snapshot", CLIRunner.example, "-n", "agentic-demo", "-o", "patch"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout == """
            # agentic-demo/deployment/memory-hungry: severity ok
            kubectl patch deployment memory-hungry -n agentic-demo --type strategic -p '{"spec":{"template":{"spec":{"containers":[{"name":"memory-hungry","resources":{"limits":{"memory":"228Mi"},"requests":{"cpu":"50m","memory":"228Mi"}}}]}}}}'

            """)
    }

    @Test("-o patch applies cleanly with kubectl (kubectl patch --local), when kubectl is installed")
    func patchAppliesWithKubectl() async throws {
        let kubectl = ["/usr/bin/kubectl", "/usr/local/bin/kubectl"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let kubectl else {
            // kubectl is not needed by the tests; this check runs where it is installed.
            return
        }
        let run = await CLIRunner.run(["recommend-limits", "--snapshot", CLIRunner.example, "-n", "agentic-demo", "-o", "patch"])
        let line = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("kubectl patch") })
        let patch = try #require(line.split(separator: "'").dropFirst().first.map(String.init))
        let folder = try TemporaryDirectory()
        let deployments = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(filePath: CLIRunner.example + "/apis/apps/v1/namespaces/agentic-demo/deployments.json"))) as? [String: Any]
        let object = try #require((deployments?["items"] as? [[String: Any]])?.first { ($0["metadata"] as? [String: Any])?["name"] as? String == "memory-hungry" })
        var withKind = object
        withKind["apiVersion"] = "apps/v1"
        withKind["kind"] = "Deployment"
        let file = try folder.write("deployment.json", try JSONSerialization.data(withJSONObject: withKind))
        let process = Process()
        process.executableURL = URL(filePath: kubectl)
        process.arguments = ["patch", "--local", "-f", file.path, "--type", "strategic", "-p", patch, "-o", "json"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let patched = try JSONSerialization.jsonObject(with: printed) as? [String: Any]
        let resources = (((((patched?["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any])?["containers"] as? [[String: Any]])?.first?["resources"]) as? [String: [String: String]]
        #expect(resources?["limits"]?["memory"] == "228Mi")
        #expect(resources?["requests"]?["memory"] == "228Mi")
        #expect(resources?["requests"]?["cpu"] == "50m")
    }

    @Test("-o csv has a header and one line per container, quantities as Kubernetes writes them")
    func csv() async throws {
        let run = await CLIRunner.run(["recommend-limits", "--snapshot", CLIRunner.example, "-n", "agentic-demo", "-o", "csv"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("namespace,kind,name,container,replicas,cpu_request,cpu_request_recommended") == true)
        #expect(lines.count == 7, "\(run.stdout)")
        #expect(lines.contains { $0.hasPrefix("agentic-demo,Deployment,memory-hungry,memory-hungry,1,50m,50m,,,64Mi,228Mi,128Mi,228Mi,") })
    }

    @Test("--fail-on exits 1 when a change reaches the severity, 0 when none does")
    func failOn() async {
        let ok = await CLIRunner.run(["recommend-limits", "--snapshot", CLIRunner.example, "-n", "agentic-demo", "--fail-on", "ok"])
        #expect(ok.exitCode == 1)
        let critical = await CLIRunner.run(["recommend-limits", "--snapshot", CLIRunner.example, "-n", "agentic-demo", "--fail-on", "critical"])
        #expect(critical.exitCode == 0, "\(critical.stderr)")
    }

    @Test("bad options are usage errors (64) that say what to write instead")
    func usageErrors() async {
        let cases: [([String], String)] = [
            (["recommend-limits", "pod/x"], "not a workload type"),
            (["recommend-limits", "--cpu-percentile", "150"], "not a percentile"),
            (["recommend-limits", "--history", "two weeks"], "not a positive duration"),
            (["recommend-limits", "--snapshot", CLIRunner.example, "--apply"], "--apply works on a live cluster"),
            (["recommend-limits", "--yes"], "--yes applies to --apply"),
            (["recommend-limits", "--prometheus-user", "me"], "applies to --prometheus-url"),
            (["recommend-limits", "--snapshot", CLIRunner.example, "--usage-source", "metrics-server"], "has no cluster"),
        ]
        for (arguments, expected) in cases {
            let run = await CLIRunner.run(arguments)
            #expect(run.exitCode == 64, "\(arguments)")
            #expect(run.stderr.contains(expected), "\(arguments): \(run.stderr)")
        }
    }
}
