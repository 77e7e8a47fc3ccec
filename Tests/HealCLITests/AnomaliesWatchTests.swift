import Foundation
import HealTestSupport
import Testing

/// `diagnose --watch --anomalies`: the fake cluster runs workloads named like those of the test
/// Prometheus' anomaly-demo namespace (pods matched by name), the clock stands at the data's end.
@Suite("diagnose --anomalies against the fake control plane: --fix before the kill, --watch reading the history again", .serialized, .enabled(if: PrometheusFixture.toolsInstalled, "needs Debian's prometheus package and python3"))
struct AnomaliesWatchTests {
    static func deployment(_ name: String, limit: String) -> String {
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"\(name)","namespace":"anomaly-demo"},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"\(name)"}},"template":{"metadata":{"labels":{"app":"\(name)"}},
          "spec":{"containers":[{"name":"app","image":"nginx:1.27","resources":{"requests":{"cpu":"10m","memory":"\(limit)"},"limits":{"memory":"\(limit)"}}}]}}}}
        """
    }

    /// Event lines of `watch` such as "… DETECTED deployment/cache in anomaly-demo: saw …" that contain `text`.
    static func lines(_ watch: BackgroundRun, _ label: String, _ workload: String, _ text: String = "") -> [Substring] {
        watch.stdout.text.split(separator: "\n").filter { $0.contains(" \(label) deployment/\(workload) ") && $0.contains(text) }
    }

    @Test("--anomalies --fix raises the saw-tooth's memory limit before the predicted kill, through a dry run and the rollout's verification")
    func fixBeforeTheKill() async throws {
        let prometheus = try await PrometheusFixture.shared()
        let cluster = try FakeCluster()
        try cluster.create(json: Self.deployment("cache", limit: "512Mi"))
        #expect(await cluster.settle())
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        let run = await CLIRunner.run(
            [
                "diagnose", "--anomalies", "--fix", "--yes", "--prometheus-url", prometheus.url, "-n", "anomaly-demo", "--kubeconfig", kubeconfig.path,
                "--store", folder.url.appending(path: "memory.sqlite").path, "--verify-for", "300ms",
            ], now: { Date(timeIntervalSince1970: PrometheusFixture.endSeconds) })
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("FIXED") && run.stdout.contains("Healing: 1 fixed"), "\(run.stdout)")
        let deployment = try JSONSerialization.jsonObject(with: try #require(cluster.object(at: "/apis/apps/v1/namespaces/anomaly-demo/deployments/cache"))) as? [String: Any]
        let container = try #require(((((deployment?["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any])?["containers"] as? [[String: Any]])?.first)
        #expect(((container["resources"] as? [String: Any])?["limits"] as? [String: Any])?["memory"] as? String == "615Mi", "\(container)")
        let patches = cluster.server.requests(path: "/apis/apps/v1/namespaces/anomaly-demo/deployments/cache", method: "PATCH")
        #expect(patches.contains { $0.queryItems.contains { $0.name == "dryRun" } } && patches.contains { !$0.queryItems.contains { $0.name == "dryRun" } }, "a server-side dry run, then the change")
    }

    @Test("a predicted OOM is DETECTED at the start; a workload created later is covered by the next read; a deleted one's finding RESOLVES; the watch never exits on its own")
    func rereadsHistory() async throws {
        let prometheus = try await PrometheusFixture.shared()
        let cluster = try FakeCluster()
        try cluster.create(json: Self.deployment("cache", limit: "512Mi"))
        try cluster.create(json: Self.deployment("flat", limit: "512Mi"))
        #expect(await cluster.settle())
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        let watch = BackgroundRun(
            [
                "diagnose", "--watch", "--anomalies", "--anomaly-interval", "10s", "--prometheus-url", prometheus.url, "-n", "anomaly-demo",
                "--kubeconfig", kubeconfig.path, "-v",
            ], now: { Date(timeIntervalSince1970: PrometheusFixture.endSeconds) })
        try await waitUntil("the saw-tooth's OOM is detected", timeout: .seconds(30)) { !Self.lines(watch, "DETECTED", "cache", "an OOM kill is predicted").isEmpty }
        #expect(Self.lines(watch, "DETECTED", "flat").isEmpty, "the steady one says nothing: \(watch.stdout.text)")

        // Created after the first read: the next read, within the interval, covers it.
        try cluster.create(json: Self.deployment("crashy", limit: "512Mi"))
        try await waitUntil("the new workload's restart jump is detected", timeout: .seconds(40)) {
            !Self.lines(watch, "DETECTED", "crashy", "Restarts far more often than it used to — 12 restarts in the last day").isEmpty
        }
        #expect(watch.stderr.text.contains("reading 14d of memory, CPU and restart history"), "\(watch.stderr.text)")

        try cluster.deleteDeployment(namespace: "anomaly-demo", name: "cache")
        try await waitUntil("the deleted workload's prediction resolves", timeout: .seconds(20)) { !Self.lines(watch, "RESOLVED", "cache", "oom-predicted is gone").isEmpty }
        #expect(Self.lines(watch, "RESOLVED", "crashy", "restart-rate-jump").isEmpty, "\(watch.stdout.text)")
        #expect(await watch.stop() == 0, "\(watch.stderr.text)")
    }

    @Test("--watch --anomalies with Prometheus down at the start: said on stderr, the watch starts without history and keeps running; a bad --prometheus-url still exits 64")
    func startsWithoutHistory() async throws {
        let cluster = try FakeCluster()
        try cluster.create(json: Self.deployment("cache", limit: "512Mi"))
        #expect(await cluster.settle())
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        let closed = try ReservedPort()
        let arguments = ["diagnose", "--watch", "--anomalies", "-n", "anomaly-demo", "--kubeconfig", kubeconfig.path]
        let watch = BackgroundRun(arguments + ["--prometheus-url", closed.url, "--anomaly-interval", "10s"])
        try await waitUntil("the failed first read is said", timeout: .seconds(20)) {
            watch.stderr.text.contains("anomalies: usage history could not be read (") && watch.stderr.text.contains("the watch starts without it and reads it again in 10s")
        }
        try await waitUntil("the watch is open", timeout: .seconds(20)) { watching(cluster, "/api/v1/namespaces/anomaly-demo/pods") }
        try await waitUntil("the next read fails and is said too", timeout: .seconds(30)) { watch.stderr.text.contains("the last findings stay, next try in 10s") }
        #expect(await watch.stop() == 0, "\(watch.stderr.text)")
        let bad = await CLIRunner.run(arguments + ["--prometheus-url", "ftp://prometheus:9090"])
        #expect(bad.exitCode == 64 && bad.stderr.contains("--prometheus-url"), "\(bad.stderr)")
    }
}
