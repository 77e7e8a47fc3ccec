import Foundation
@testable import HealApp
import HealCLI
import HealModel
import HealTestSupport
import Testing

/// Long-running commands against an API server that goes away and comes back (the fake's
/// `stopAPIServer`/`startAPIServer`: connections refused, watches cut, objects and history
/// kept), as a killed kube-apiserver with etcd left running does.
@Suite("watchers survive an API server outage and keep watching", .serialized)
struct WatchOutageTests {
    @Test("diagnose --watch: a 10 s outage is said on stderr, waited out and seen in the informer metrics; a Deployment broken afterwards is reported")
    func diagnoseWatch() async throws {
        let shop = try ShopCluster(deployments: 2)
        let cluster = shop.cluster
        let watch = shop.watch(["-v", "--metrics-addr", "127.0.0.1:0"])
        try await shop.waitUntilWatching()
        let podsCurrent = #"kubectl_heal_informer_synced{resource="pods",namespace="shop"} "#
        try await waitUntilAsync("the pod informer is current") { try await Self.scrape(watch.stderr.text).contains(podsCurrent + "1\n") }
        let listedAt = Date.now.timeIntervalSince1970

        cluster.stopAPIServer()
        try await waitUntilAsync("the outage shows in the metrics", timeout: .seconds(8)) { try await Self.scrape(watch.stderr.text).contains(podsCurrent + "0\n") }
        try await Task.sleep(for: .seconds(10))
        try cluster.startAPIServer()
        try await waitUntil("the watcher resumes") { watch.stderr.text.contains("the API server answers again") }
        try await waitUntilAsync("the pod informer is current again") { try await Self.scrape(watch.stderr.text).contains(podsCurrent + "1\n") }
        cluster.setNeeds(WorkloadNeeds(env: ["DATABASE_URL"]), namespace: "shop", deployment: "app-1")
        #expect(await watch.waitFor("DETECTED deployment/app-1", timeout: .seconds(30)) != nil, "\(watch.stdout.text)\(watch.stderr.text)")
        let metrics = try await Self.scrape(watch.stderr.text)
        // Heard from since the restart (the relist or a change), and each diagnosis of a change
        // says how long the change waited for it.
        let heard = try #require(Self.value(#"kubectl_heal_informer_last_event_timestamp_seconds{resource="pods",namespace="shop"}"#, in: metrics), "\(metrics)")
        #expect(heard > listedAt + 10 && heard <= Date.now.timeIntervalSince1970, "\(heard) vs \(listedAt)")
        let lagged = try #require(Self.value("kubectl_heal_change_to_diagnosis_seconds_count", in: metrics))
        let lagSum = try #require(Self.value("kubectl_heal_change_to_diagnosis_seconds_sum", in: metrics))
        #expect(lagged >= 1 && lagSum > 0 && lagSum / lagged < 5, "the watch settles changes for 100 ms; a diagnosis takes well under a second: \(lagSum) over \(lagged)")
        #expect((Self.value(#"kubectl_heal_informer_objects{resource="pods",namespace="shop"}"#, in: metrics) ?? 0) >= 2)
        #expect(await watch.stop() == 0)
        #expect(watch.stderr.text.contains("did not answer the watch"), "\(watch.stderr.text)")
        #expect(watch.stderr.text.components(separatedBy: "reconnecting (").count - 1 == 1, "one line per outage, not per watch: \(watch.stderr.text)")
        // And one event each way on stdout, for scripts.
        #expect(watch.stdout.text.components(separatedBy: " DISCONNECTED ").count - 1 == 1, "\(watch.stdout.text)")
        #expect(watch.stdout.text.components(separatedBy: " RECONNECTED ").count - 1 == 1, "\(watch.stdout.text)")
    }

    @Test("failover watch --apply: after a 10 s outage, blue losing its endpoints still fails over to green; --metrics-addr counts both")
    func failoverWatch() async throws {
        let blueGreen = try BlueGreenCluster()
        let watch = BackgroundRun([
            "failover", "watch", "web", "--for", "1s", "--apply", "--timeout", "20s", "-o", "json", "-v", "--metrics-addr", "127.0.0.1:0",
            "-n", BlueGreenCluster.namespace, "--kubeconfig", blueGreen.kubeconfig.path,
        ])
        try await blueGreen.waitUntil("the watches are open") { watching(blueGreen.cluster, "/api/v1/namespaces/\(BlueGreenCluster.namespace)/pods") }
        blueGreen.cluster.stopAPIServer()
        try await Task.sleep(for: .seconds(10))
        try blueGreen.cluster.startAPIServer()
        try await waitUntil("the watcher resumes") { watch.stderr.text.contains("the API server answers again") }
        await blueGreen.setBehaviour(.notReady(message: "Readiness probe failed: HTTP probe failed with statuscode: 404"), "web-blue")
        try await blueGreen.waitUntil("the watcher switched to green", timeout: .seconds(30)) { try blueGreen.activeColour() == "green" }
        try await waitUntil("the switch is verified") { watch.stdout.text.contains(#""outcome":"succeeded""#) }
        let metrics = try await Self.scrape(watch.stderr.text)
        #expect(metrics.contains(#"kubectl_heal_failover_switches_total{direction="failover",outcome="succeeded"} 1"#), "\(metrics)")
        #expect(!metrics.contains("kubectl_heal_watch_reconnects_total 0\n"), "every watch resumed is counted: \(metrics)")
        #expect(await watch.stop() == 0, "\(watch.stderr.text)")
        #expect(watch.stdout.text.contains(#""outcome":"succeeded""#), "\(watch.stdout.text)")
        #expect(watch.stderr.text.contains("did not answer the watch"), "\(watch.stderr.text)")
        // One event each way in the JSON stream, for scripts.
        #expect(watch.stdout.text.components(separatedBy: #""kind":"APIServerConnectivity""#).count - 1 == 2, "\(watch.stdout.text)")
        #expect(watch.stdout.text.contains(#""event":"disconnected""#) && watch.stdout.text.contains(#""event":"reconnected""#), "\(watch.stdout.text)")
    }

    @Test("a watch the API server refuses (403) is not an outage: diagnose --watch and failover watch exit 77 with the RBAC hint")
    func refusedWatchIsFatal() async throws {
        let forbidden = ScriptedResponse.status(
            code: 403, reason: "Forbidden",
            message: #"pods is forbidden: User "system:serviceaccount:shop:heal" cannot watch resource "pods" in API group "" in the namespace "shop""#)
        let shop = try ShopCluster(deployments: 1)
        shop.cluster.server.script(path: ShopCluster.pods, query: ["watch": "1"], responses: [forbidden])
        // A stop after 20 s keeps a watcher that wrongly waits it out from hanging the test.
        let stopLater: @Sendable () async -> Void = { try? await Task.sleep(for: .seconds(20)) }
        let diagnose = await CLIRunner.run(["diagnose", "--watch", "-n", "shop", "--kubeconfig", shop.kubeconfig.path], stopRequested: stopLater)
        #expect(diagnose.exitCode == 77, "\(diagnose.stderr)")
        #expect(diagnose.stderr.contains("cannot watch resource"), "\(diagnose.stderr)")
        #expect(diagnose.stderr.contains("hint: "), "\(diagnose.stderr)")

        let blueGreen = try BlueGreenCluster()
        let pods = "/api/v1/namespaces/\(BlueGreenCluster.namespace)/pods"
        blueGreen.cluster.server.script(path: pods, query: ["watch": "1"], responses: [forbidden])
        let failover = await blueGreen.run(["failover", "watch", "web"], stopRequested: stopLater)
        #expect(failover.exitCode == 77, "\(failover.stderr)")
        #expect(failover.stderr.contains("hint: "), "\(failover.stderr)")
    }

    /// The value of the sample `series` (name and labels as written) in a scrape.
    private static func value(_ series: String, in metrics: String) -> Double? {
        metrics.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
    }

    /// GET /metrics from the address the watcher said it serves on (`-v`).
    private static func scrape(_ stderr: String) async throws -> String {
        let answer = try #require(try await scrapeMetrics(stderr: stderr), "\(stderr)")
        #expect(answer.status == 200)
        return answer.body
    }

    private func podName(_ cluster: FakeCluster, deployment: String) throws -> String? {
        try cluster.objects(in: "/api/v1/namespaces/shop/pods").map { try JSONDecoder().decode(Pod.self, from: $0).metadata.name }
            .first { $0.hasPrefix("\(deployment)-") }
    }

    @Test("diagnose --watch: the API server comes back with its history compacted and a Deployment broken meanwhile; the watch relists on 410 and reports it")
    func relistAfterCompaction() async throws {
        let shop = try ShopCluster(deployments: 2)
        let cluster = shop.cluster
        let watch = shop.watch()
        try await shop.waitUntilWatching()
        let lists = { cluster.server.requests(path: ShopCluster.pods).filter { $0.query("watch") == nil }.count }
        let listedBefore = lists()

        cluster.stopAPIServer()
        // Written to etcd while kube-apiserver is down, then compacted away.
        try cluster.mergePatch(at: "/api/v1/namespaces/shop/pods/\(try #require(try podName(cluster, deployment: "app-0")))",
                               json: #"{"metadata":{"labels":{"example.com/touched":"yes"}}}"#)
        cluster.setNeeds(WorkloadNeeds(env: ["DATABASE_URL"]), namespace: "shop", deployment: "app-0")
        try await Task.sleep(for: .seconds(1))
        cluster.compactHistory()
        try cluster.startAPIServer()
        #expect(await watch.waitFor("DETECTED deployment/app-0", timeout: .seconds(30)) != nil, "\(watch.stdout.text)\(watch.stderr.text)")
        #expect(await watch.stop() == 0)
        #expect(lists() > listedBefore, "the pods were listed again after the 410")
    }

    @Test("diagnose --watch: watch streams cut mid-stream and a burst of 429s with Retry-After are ridden out; changes still arrive")
    func resetsAndThrottling() async throws {
        let shop = try ShopCluster(deployments: 2)
        let cluster = shop.cluster
        let pods = ShopCluster.pods
        // The first watches of pods: a stream that is cut, then three 429s asking for 1 s.
        cluster.server.script(path: pods, query: ["watch": "1"], responses: [
            .stream(chunks: [], pause: .milliseconds(200), end: .drop),
            .retryAfter(code: 429, seconds: 1), .retryAfter(code: 429, seconds: 1), .retryAfter(code: 429, seconds: 1),
        ])
        let watch = shop.watch()
        try await waitUntil("the script is used up") {
            cluster.server.requests(path: pods).filter { $0.query("watch") == "1" }.count >= 5
        }
        cluster.setNeeds(WorkloadNeeds(env: ["DATABASE_URL"]), namespace: "shop", deployment: "app-1")
        #expect(await watch.waitFor("DETECTED deployment/app-1", timeout: .seconds(30)) != nil, "\(watch.stdout.text)\(watch.stderr.text)")
        #expect(await watch.stop() == 0)
        #expect(watch.stderr.text.contains("reconnecting"), "\(watch.stderr.text)")
    }
}
