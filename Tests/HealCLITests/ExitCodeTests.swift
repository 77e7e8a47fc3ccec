import Foundation
import HealTestSupport
import Testing

/// The exit-code table of PRODUCT.md, checked for every row the CLI can reach without a
/// cluster (the cluster rows are in ClusterExitCodeTests). Every error ends with a hint.
@Suite("Exit codes and error messages")
struct ExitCodeTests {
    @Test("--fail-on makes findings at or above the threshold exit 1")
    func failOn() async {
        let critical = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "--fail-on", "critical"])
        #expect(critical.exitCode == 1)
        let healthy = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-n", "shop", "--fail-on", "info"])
        #expect(healthy.exitCode == 0)
        let never = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example])
        #expect(never.exitCode == 0)
    }

    @Test("info findings never fail a pipeline unless asked")
    func infoDoesNotFail() async {
        let run = await CLIRunner.run(["diagnose", "--snapshot", Fixtures.scenario("starting-pods").path, "--fail-on", "warning"])
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("info"))
    }

    @Test("usage errors exit 64 with the message, usage and a hint on stderr", arguments: [
        ["diagnose", "--no-such-flag"],
        ["diagnose", "deployment"],
        ["diagnose", "gizmo/web"],
        ["diagnose", "--analyzers", "nonsense"],
        ["diagnose", "--min-age", "soon"],
        ["diagnose", "-o", "pdf"],
        ["diagnose", "--fail-on", "sometimes"],
        ["diagnose", "--snapshot", "x", "--context", "prod"],
        ["diagnose", "-l", "app in (web"],
        ["diagnose", "--request-timeout", "forever"],
        ["diagnose", "--request-timeout", "inf"],
        ["diagnose", "--request-timeout", "1e20"],
        ["diagnose", "--snapshot", "x", "--insecure-skip-tls-verify"],
        ["diagnose", "--snapshot", "x", "--request-timeout", "5s"],
        ["diagnose", "--as-group", "admins"],
        ["frobnicate"],
    ])
    func usage(arguments: [String]) async {
        let run = await CLIRunner.run(arguments)
        #expect(run.exitCode == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("error: "))
        #expect(run.stderr.contains("\nhint: "))
    }

    @Test("a TYPE/NAME that names nothing exits 64 instead of reporting a clean bill of health")
    func targetNotFound() async {
        let run = await CLIRunner.run(["diagnose", "deployment/does-not-exist", "--snapshot", CLIRunner.example, "-n", "agentic-demo"])
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains("deployment/does-not-exist not found in namespace agentic-demo"))
        #expect(run.stderr.contains("hint: "))
    }

    @Test("with TYPE/NAME the summary counts only the targets")
    func targetSummary() async {
        let run = await CLIRunner.run(["diagnose", "deployment/memory-hungry", "--snapshot", CLIRunner.example, "-n", "agentic-demo"])
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("1 finding (1 critical); 1 of 1 resource unhealthy; health score 0/100."))
    }

    @Test("a missing snapshot exits 65 naming the path")
    func missingSnapshot() async {
        let run = await CLIRunner.run(["diagnose", "--snapshot", "/nonexistent/snap.json"])
        #expect(run.exitCode == 65)
        #expect(run.stderr.contains("/nonexistent/snap.json"))
        #expect(run.stderr.contains("hint: "))
    }

    @Test("an invalid snapshot exits 65 naming the file and the field")
    func invalidSnapshot() async throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("pods.json", #"{"kind":"PodList","apiVersion":"v1","items":[{"metadata":{"name":"x"},"spec":{"containers":[]},"status":{"containerStatuses":[{"name":"a","restartCount":"many"}]}}]}"#)
        let run = await CLIRunner.run(["diagnose", "--snapshot", file.path])
        #expect(run.exitCode == 65)
        #expect(run.stderr.contains(file.path))
        #expect(run.stderr.contains("`items[0].status.containerStatuses[0].restartCount`"))
        #expect(run.stderr.contains("hint: "))
    }

    @Test("a snapshot with nothing diagnose reads exits 65")
    func emptySnapshot() async throws {
        let folder = try TemporaryDirectory()
        _ = try folder.write("notes.txt", "nothing here")
        let run = await CLIRunner.run(["diagnose", "--snapshot", folder.url.path])
        #expect(run.exitCode == 65)
    }

    @Test("no kubeconfig anywhere exits 78 saying where it looked")
    func noConfiguration() async {
        let run = await CLIRunner.run(["diagnose"], variables: [:], home: "/nonexistent-home")
        #expect(run.exitCode == 78)
        #expect(run.stderr.contains("/nonexistent-home/.kube/config"))
        #expect(run.stderr.contains("hint: "))
    }

    @Test("--explain without an LLM endpoint exits 78 and mentions no API key value")
    func explainWithoutLLM() async {
        let run = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "--explain"])
        #expect(run.exitCode == 78)
        #expect(run.stderr.contains("KUBECTL_HEAL_LLM_BASE_URL"))
    }

    @Test("recommend-limits and cost without a cluster configuration exit 78 with a hint", arguments: [
        ["recommend-limits"], ["cost"], ["cost", "scenarios", "deployment/web"],
    ])
    func noConfiguration(arguments: [String]) async {
        let run = await CLIRunner.run(arguments)
        #expect(run.exitCode == 78)
        #expect(run.stderr.contains("no cluster configuration found"))
        #expect(run.stderr.contains("hint: "))
        #expect(run.stdout.isEmpty)
    }

    @Test("healing flags that cannot work are usage errors (64) naming the flag", arguments: [
        (["diagnose", "--fix", "--snapshot", "x"], "--snapshot"),
        (["diagnose", "--fix", "-o", "yaml"], "-o table or -o json"),
        (["diagnose", "--metrics-addr", ":9464"], "--watch"),
        (["diagnose", "--watch", "--metrics-addr", "nohost:port"], "nohost:port"),
        (["failover", "watch", "web", "--metrics-addr", "nohost:port"], "nohost:port"),
        (["diagnose", "--fix", "--env", "=value"], "--env"),
        (["diagnose", "--fix", "--max-memory", "lots"], "--max-memory"),
        (["diagnose", "--fix", "--verify-for", "soon"], "--verify-for"),
        (["diagnose", "--fix", "--leader-elect"], "add --watch"),
        (["diagnose", "--record-events"], "add --watch"),
        (["diagnose", "--watch", "--lease-name", "mine"], "add it"),
        (["diagnose", "--watch", "--leader-elect", "--lease-duration", "1s"], "--lease-duration 1s is too short"),
        (["diagnose", "--watch", "--leader-elect", "--lease-duration", "forever"], "--lease-duration"),
    ])
    func healingUsage(arguments: [String], named: String) async {
        let run = await CLIRunner.run(arguments)
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains(named))
    }

    @Test("an --env value never appears in an error message")
    func envValueNotEchoed() async {
        let run = await CLIRunner.run(["diagnose", "--fix", "--env", "1BAD=hunter2"])
        #expect(run.exitCode == 64)
        #expect(!run.stderr.contains("hunter2"))
    }
}
