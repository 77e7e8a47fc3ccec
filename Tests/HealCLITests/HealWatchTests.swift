import Foundation
@testable import HealApp
import HealCLI
import HealModel
import HealTestSupport
import Testing

/// `diagnose --watch` against the stateful fake cluster, read while it runs.
@Suite("diagnose --watch detects changes as they happen and heals while it keeps watching", .serialized)
struct HealWatchTests {
    @Test("a healthy Deployment that starts crash-looping is detected through the watch, fixed, and the watcher stops cleanly")
    func detectAndHeal() async throws {
        let cluster = try FakeCluster()
        cluster.seedHealthyDeployments(namespace: "shop", deployments: 3, replicasEach: 2)
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        let watch = BackgroundRun([
            "diagnose", "--watch", "--fix", "--yes", "-n", "shop", "--kubeconfig", kubeconfig.path,
            "--store", folder.url.appending(path: "memory.sqlite").path, "--verify-for", "300ms",
        ])
        try await Task.sleep(for: .milliseconds(500))
        #expect(!watch.stdout.text.contains("DETECTED"), "a healthy namespace reports nothing")

        try cluster.mergePatch(
            at: "/apis/apps/v1/namespaces/shop/deployments/app-1",
            json: #"{"spec":{"template":{"spec":{"containers":[{"name":"app-1","image":"nginx:1.27","resources":{"limits":{"memory":"64Mi"}}}]}}}}"#)
        cluster.setNeeds(WorkloadNeeds(memory: "100Mi"), namespace: "shop", deployment: "app-1")
        // How fast is measured by scripts/bench-heal.sh, not asserted here: this proves the watch
        // (not a relist or a poll) delivers the change while nothing else happens.
        try #require(await watch.waitFor("DETECTED") != nil)
        #expect(await watch.waitFor("FIXED") != nil, "\(watch.stdout.text)\(watch.stderr.text)")

        let code = await watch.stop()
        #expect(code == 0)
        #expect(watch.stdout.text.contains("Healing: 1 fixed"))
        let deployment = try JSONDecoder().decode(Deployment.self, from: try #require(cluster.object(at: "/apis/apps/v1/namespaces/shop/deployments/app-1")))
        #expect(deployment.spec.template?.spec.containers.first?.resources?.limits["memory"]?.text == "164Mi")
        // The watch and the fix's verification share one pod informer: one watch of the pods, and
        // the verifier listed the Deployment's pods only to confirm its healthy verdict (once, or
        // twice when the first confirmation caught a pod mid-change) — polling, it lists every look.
        let podRequests = cluster.server.requests(path: "/api/v1/namespaces/shop/pods", method: "GET").map(\.queryItems)
        #expect(podRequests.filter { $0.contains { $0.name == "watch" } }.count == 1, "\(podRequests)")
        #expect((1...2).contains(podRequests.filter { $0.contains { $0.name == "labelSelector" } }.count), "\(podRequests)")
    }

    @Test("--metrics-addr lists the current findings by namespace, code and severity and each namespace's health score; a resolved finding's series goes")
    func findingMetrics() async throws {
        let shop = try ShopCluster(deployments: 2)
        let cluster = shop.cluster
        let watch = shop.watch(["-v", "--metrics-addr", "127.0.0.1:0"])
        try await waitUntil("the metrics are served") { watch.stderr.text.contains("serving Prometheus metrics on ") }
        try await waitUntilAsync("the first diagnosis is counted", timeout: .seconds(10)) { try await Self.scrape(watch).contains(#"kubectl_heal_health_score{namespace="shop"} 100"#) }
        try await waitUntilAsync("the watcher is ready (/readyz)", timeout: .seconds(10)) { try await Self.scrape(watch, path: "/readyz") == "ok\n" }
        #expect(try await Self.scrape(watch, path: "/healthz") == "ok\n")
        let healthy = try await Self.scrape(watch)
        #expect(!healthy.contains("kubectl_heal_findings{"), "a healthy namespace has no finding: \(healthy)")

        cluster.setRegistry(images: ["busybox:1.36"])
        #expect(await watch.waitFor("DETECTED") != nil)
        try await waitUntilAsync("the findings are counted", timeout: .seconds(10)) {
            try await Self.scrape(watch).contains(#"kubectl_heal_findings{namespace="shop",code="image-not-found",severity="critical"} 2"#)
        }
        let broken = try await Self.scrape(watch)
        #expect(broken.contains(#"kubectl_heal_findings{namespace="shop",code="image-not-found",severity="critical"} 2"#), "\(broken)")
        // Both Deployments (and their pods) fail to pull: none of the namespace's resources is healthy.
        #expect(broken.contains(#"kubectl_heal_health_score{namespace="shop"} 0"#), "\(broken)")

        cluster.setRegistry(images: ["nginx:1.27"])
        #expect(await watch.waitFor("RESOLVED") != nil, "\(watch.stdout.text)")
        try await waitUntilAsync("the series is gone", timeout: .seconds(10)) { !(try await Self.scrape(watch)).contains("kubectl_heal_findings{") }
        #expect(await watch.stop() == 0)
    }

    @Test("--report-configmaps: each namespace's latest report in a labelled ConfigMap of the watcher's namespace, rewritten as its findings change; someone else's ConfigMap of that name is left alone")
    func reportConfigMaps() async throws {
        let shop = try ShopCluster(deployments: 2)
        let cluster = shop.cluster
        let path = "/api/v1/namespaces/kubectl-heal/configmaps/heal-report.shop"
        let watch = BackgroundRun(
            ["diagnose", "--watch", "-n", "shop", "--kubeconfig", shop.kubeconfig.path, "--report-configmaps"], variables: ["POD_NAMESPACE": "kubectl-heal"])
        func report() throws -> (labels: [String: Any], data: [String: Any], report: [String: Any])? {
            guard let object = cluster.object(at: path), let configMap = try JSONSerialization.jsonObject(with: object) as? [String: Any],
                let data = configMap["data"] as? [String: Any], let json = data["report.json"] as? String,
                let report = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            else { return nil }
            return ((configMap["metadata"] as? [String: Any])?["labels"] as? [String: Any] ?? [:], data, report)
        }
        func codes() throws -> [String] { try report()?.report["findings"].flatMap { $0 as? [[String: Any]] }?.compactMap { $0["code"] as? String } ?? [] }

        try await waitUntil("the healthy report is written", timeout: .seconds(15)) { try report() != nil }
        let healthy = try #require(try report())
        #expect(healthy.labels["heal.kubectl.io/report"] as? String == "true" && healthy.labels["heal.kubectl.io/namespace"] as? String == "shop", "\(healthy.labels)")
        #expect(healthy.report["kind"] as? String == "DiagnosisReport" && (healthy.report["metadata"] as? [String: Any])?["namespaces"] as? [String] == ["shop"])
        #expect((healthy.report["summary"] as? [String: Any])?["healthScore"] as? Int == 100 && (healthy.data["summary"] as? String)?.hasPrefix("No problems found") == true)
        #expect(try codes().isEmpty)

        // Someone writes the ConfigMap between the watcher's read and its write: a real 409,
        // read again and retried, not a failure.
        cluster.beforeNext(method: "PUT", path: path) { cluster in
            try? cluster.mergePatch(at: path, json: #"{"metadata":{"annotations":{"example.com/touched":"yes"}}}"#)
        }
        cluster.setRegistry(images: ["busybox:1.36"])
        try await waitUntil("the broken namespace's report is written", timeout: .seconds(20)) { try codes().filter { $0 == "image-not-found" }.count == 2 }
        let broken = try #require(try report())
        #expect((broken.report["summary"] as? [String: Any])?["healthScore"] as? Int == 0, "\(broken.report["summary"] ?? "")")
        #expect(cluster.server.requests(path: path, method: "PUT").filter { $0.bodyText.contains("image-not-found") }.count >= 2, "the PUT answered 409, then the retry")
        #expect(!watch.stderr.text.contains("could not be written"), "the conflict was retried: \(watch.stderr.text)")

        // The API server restarts (its objects kept); the report follows the repair after it.
        cluster.stopAPIServer()
        try await Task.sleep(for: .seconds(3))
        try cluster.startAPIServer()
        try await waitUntil("the watcher resumes", timeout: .seconds(20)) { watch.stderr.text.contains("the API server answers again") }
        cluster.setRegistry(images: ["nginx:1.27"])
        try await waitUntil("the report is healthy again", timeout: .seconds(20)) { try codes().isEmpty }
        #expect(await watch.stop() == 0)
        // Written when the findings changed, not at every diagnosis.
        let writes = cluster.server.requests(path: path, method: "PUT").count
            + cluster.server.requests(path: "/api/v1/namespaces/kubectl-heal/configmaps", method: "POST").filter { $0.bodyText.contains(#""name":"heal-report.shop""#) }.count
        #expect((3...10).contains(writes), "\(writes) writes for 3 states (and the steps between as the kubelet reports, and the PUT answered 409)")

        // A ConfigMap of that name without the label is someone else's: left alone, said once.
        let other = try ShopCluster(deployments: 1)
        try other.cluster.create(json: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"heal-report.shop","namespace":"kubectl-heal"},"data":{"mine":"yes"}}"#)
        let second = BackgroundRun(
            ["diagnose", "--watch", "-n", "shop", "--kubeconfig", other.kubeconfig.path, "--report-configmaps"], variables: ["POD_NAMESPACE": "kubectl-heal"])
        try await waitUntil("the refusal is said") { second.stderr.text.contains("heal-report.shop exists without the heal.kubectl.io/report label") }
        // A new state is a new report to write, refused again, and not said again.
        other.cluster.setRegistry(images: ["busybox:1.36"])
        #expect(await second.waitFor("DETECTED") != nil)
        try await Task.sleep(for: .seconds(6))
        let attempts = other.cluster.server.requests(path: path, method: "GET").count
        #expect(attempts >= 2, "read again for the new report: \(attempts)")
        #expect(await second.stop() == 0)
        let kept = try #require(other.cluster.object(at: path))
        #expect(String(decoding: kept, as: UTF8.self).contains(#""mine":"yes""#))
        #expect(second.stderr.text.components(separatedBy: "could not be written").count == 2, "said once: \(second.stderr.text)")
    }

    private static func scrape(_ watch: BackgroundRun, path: String = "/metrics") async throws -> String {
        try #require(try await scrapeMetrics(stderr: watch.stderr.text, path: path)).body
    }

    @Test("--record-events: a Warning Event on each workload when its problem is first seen, not again while it lasts")
    func recordEvents() async throws {
        let shop = try ShopCluster(deployments: 2)
        let watch = shop.watch(["--record-events", "-o", "json"])
        try await Task.sleep(for: .milliseconds(300))
        shop.cluster.setRegistry(images: ["busybox:1.36"])
        #expect(await watch.waitFor(#""type":"detected""#) != nil)
        let recorded = {
            try shop.cluster.objects(in: "/api/v1/namespaces/shop/events").compactMap { try JSONSerialization.jsonObject(with: $0) as? [String: Any] }
                .filter { $0["reason"] as? String == "HealProblemDetected" }
        }
        try await waitUntil("both Deployments have their Event") { try recorded().count == 2 }
        // The pods keep backing off (more diagnoses); the incidents are the same.
        try await Task.sleep(for: .seconds(1))
        let events = try recorded()
        #expect(events.count == 2, "\(events.map { $0["message"] ?? "" })")
        let subjects = events.compactMap { ($0["involvedObject"] as? [String: Any]).map { "\($0["kind"] ?? "")/\($0["name"] ?? "")" } }
        #expect(Set(subjects) == ["Deployment/app-0", "Deployment/app-1"])
        // Each Event says what the watcher reported first for its workload (which code comes first
        // depends on how far the kubelet got; the Event follows it).
        let detected = watch.stdout.text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["type"] as? String == "detected" }
        for event in events {
            let name = (event["involvedObject"] as? [String: Any])?["name"] as? String
            let first = try #require(detected.first { ($0["workload"] as? [String: Any])?["name"] as? String == name })
            #expect(event["type"] as? String == "Warning")
            #expect((event["message"] as? String)?.hasPrefix("kubectl-heal: \(first["code"] ?? "") (\(first["severity"] ?? "")): ") == true, "\(event["message"] ?? "")")
        }
        #expect(await watch.stop() == 0)
    }

    @Test("without --fix the watcher only reports: problems appear and resolve, nothing is changed")
    func reportOnly() async throws {
        let cluster = try FakeCluster()
        cluster.seedHealthyDeployments(namespace: "shop", deployments: 2, replicasEach: 1)
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        let watch = BackgroundRun(["diagnose", "--watch", "-n", "shop", "-o", "json", "--kubeconfig", kubeconfig.path])
        try await Task.sleep(for: .milliseconds(300))
        cluster.setRegistry(images: ["busybox:1.36"])
        #expect(await watch.waitFor("\"type\":\"detected\"") != nil)
        cluster.setRegistry(images: ["nginx:1.27"])
        #expect(await watch.waitFor("\"type\":\"resolved\"") != nil, "\(watch.stdout.text)")
        #expect(await watch.stop() == 0)
        #expect(!watch.stdout.text.contains("\"type\":\"applying\""))
        #expect(watch.stdout.text.contains("\"kind\":\"HealSummary\""))
    }
}
