import Foundation
import HealCLI
import HealModel
import HealTestSupport
import Testing

/// Long-running commands against an API server that goes away and comes back (the fake's
/// `stopAPIServer`/`startAPIServer`: connections refused, watches cut, objects and history
/// kept), as a killed kube-apiserver with etcd left running does.
@Suite("watchers survive an API server outage and keep watching", .serialized)
struct WatchOutageTests {
    @Test("diagnose --watch: a 10 s outage is said on stderr and waited out; a Deployment broken afterwards is reported")
    func diagnoseWatch() async throws {
        let cluster = try FakeCluster()
        _ = cluster.seedHealthyDeployments(namespace: "shop", deployments: 2, replicasEach: 1)
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        let watch = BackgroundRun(["diagnose", "--watch", "-n", "shop", "--kubeconfig", kubeconfig.path])
        try await waitFor("the watches to open") { watching(cluster, "/api/v1/namespaces/shop/pods") }

        cluster.stopAPIServer()
        try await Task.sleep(for: .seconds(10))
        try cluster.startAPIServer()
        try await waitFor("the watcher to resume") { watch.stderr.text.contains("the API server answers again") }
        cluster.setNeeds(WorkloadNeeds(env: ["DATABASE_URL"]), namespace: "shop", deployment: "app-1")
        #expect(await watch.waitFor("DETECTED deployment/app-1", timeout: .seconds(30)) != nil, "\(watch.stdout.text)\(watch.stderr.text)")
        #expect(await watch.stop() == 0)
        #expect(watch.stderr.text.contains("did not answer the watch"), "\(watch.stderr.text)")
        #expect(watch.stderr.text.components(separatedBy: "reconnecting (").count - 1 == 1, "one line per outage, not per watch: \(watch.stderr.text)")
    }

    @Test("failover watch --apply: after a 10 s outage, blue losing its endpoints still fails over to green")
    func failoverWatch() async throws {
        let blueGreen = try BlueGreenCluster()
        let watch = BackgroundRun([
            "failover", "watch", "web", "--for", "1s", "--apply", "--timeout", "20s", "-o", "json",
            "-n", BlueGreenCluster.namespace, "--kubeconfig", blueGreen.kubeconfig.path,
        ])
        try await waitFor("the watches to open") { watching(blueGreen.cluster, "/api/v1/namespaces/\(BlueGreenCluster.namespace)/pods") }
        blueGreen.cluster.stopAPIServer()
        try await Task.sleep(for: .seconds(10))
        try blueGreen.cluster.startAPIServer()
        try await waitFor("the watcher to resume") { watch.stderr.text.contains("the API server answers again") }
        await blueGreen.setBehaviour(.notReady(message: "Readiness probe failed: HTTP probe failed with statuscode: 404"), "web-blue")
        try await blueGreen.waitUntil("the watcher switched to green", timeout: .seconds(30)) { try blueGreen.activeColour() == "green" }
        #expect(await watch.stop() == 0, "\(watch.stderr.text)")
        #expect(watch.stdout.text.contains(#""outcome":"succeeded""#), "\(watch.stdout.text)")
        #expect(watch.stderr.text.contains("did not answer the watch"), "\(watch.stderr.text)")
    }

    /// Whether a watch of `path` has been opened (the command is past its first collection).
    private func watching(_ cluster: FakeCluster, _ path: String) -> Bool {
        cluster.server.requests(path: path).contains { $0.query("watch") == "1" }
    }

    private func waitFor(_ what: String, timeout: Duration = .seconds(30), _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("timed out waiting for \(what)")
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
