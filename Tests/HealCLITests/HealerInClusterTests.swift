import Foundation
import HealTestSupport
import Testing

/// The report-only healer as the cluster would run it, short of the cluster: two replicas with
/// the container arguments `kubectl kustomize deploy/healer/overlays/report-only` renders, the
/// downward-API variables, no kubeconfig, and the in-cluster configuration — the API server
/// from KUBERNETES_SERVICE_HOST/PORT over real TLS, the mounted CA and service-account token.
@Suite("deploy/healer report-only, two replicas in a simulated pod environment", .serialized)
struct HealerInClusterTests {
    @Test("the holder's metrics and report ConfigMap list the namespace's findings; deleting its pod hands the Lease to the other replica within the Lease duration")
    func reportOnlyHandover() async throws {
        let shop = try ShopCluster(deployments: 2)
        let cluster = shop.cluster
        let tls = try TLSTerminator(backend: cluster.server, pki: try TestPKI.shared(), requireClientCertificate: false)
        defer { tls.stop() }
        // Each replica's own mounted token, so the requests say which replica made them.
        let ca = try String(contentsOf: try TestPKI.shared().ca.certificateFile, encoding: .utf8)
        let accounts = try ["a", "b"].map { replica in
            let folder = try TemporaryDirectory()
            _ = try folder.write("token", "healer-token-\(replica)")
            _ = try folder.write("namespace", "kubectl-heal")
            _ = try folder.write("ca.crt", ca)
            return folder
        }

        // The container's arguments as rendered; the metrics port any free one (two replicas on one
        // host), and -v so each says which.
        var arguments = try HealerManifestTests.checkDeployment(try HealerManifestTests.build("overlays/report-only"))
        let address = try #require(arguments.firstIndex(of: "--metrics-addr")) + 1
        arguments[address] = "127.0.0.1:0"
        arguments.append("-v")
        func replica(_ name: String) -> BackgroundRun {
            BackgroundRun(arguments, variables: [
                "KUBERNETES_SERVICE_HOST": "127.0.0.1", "KUBERNETES_SERVICE_PORT": String(tls.port), "POD_NAME": "kubectl-heal-healer-\(name)",
                "POD_NAMESPACE": "kubectl-heal",
            ], serviceAccountDirectory: accounts[name == "a" ? 0 : 1].url.path)
        }
        func configMapWrites(by replica: String) -> Int {
            cluster.server.requests.filter { $0.method != "GET" && $0.path.contains("/configmaps") && $0.header("Authorization") == "Bearer healer-token-\(replica)" }.count
        }
        let first = replica("a")
        try await waitUntilAsync("replica a holds the Lease", timeout: .seconds(20)) { try await Self.scrape(first).contains("kubectl_heal_leader 1\n") }
        let second = replica("b")
        try await waitUntilAsync("replica b is ready and stands by", timeout: .seconds(20)) {
            let standing = try await Self.scrape(second).contains("kubectl_heal_leader 0\n")
            let ready = try await Self.scrape(second, path: "/readyz")
            return standing && ready == "ok\n"
        }

        cluster.setRegistry(images: ["busybox:1.36"])
        let finding = #"kubectl_heal_findings{namespace="shop",code="image-not-found",severity="critical"} 2"#
        try await waitUntilAsync("the holder's metrics list the findings", timeout: .seconds(20)) { try await Self.scrape(first).contains(finding) }
        let report = "/api/v1/namespaces/kubectl-heal/configmaps/heal-report.shop"
        try await waitUntil("the holder wrote the namespace's report", timeout: .seconds(20)) {
            cluster.object(at: report).map { String(decoding: $0, as: UTF8.self).contains("image-not-found") } ?? false
        }

        #expect(configMapWrites(by: "b") == 0, "the standby writes no report")

        // Deleting the holder's pod: SIGTERM, a clean exit that releases the Lease, so the
        // standby (trying every 2 s) takes it at its next try, not after the 15 s Lease lapses.
        let deleted = ContinuousClock.now
        #expect(await first.stop() == 0, "\(first.stderr.text)")
        try await waitUntilAsync("replica b takes over", timeout: .seconds(15)) { try await Self.scrape(second).contains("kubectl_heal_leader 1\n") }
        #expect(deleted.duration(to: .now) < .seconds(6), "released, not lapsed: \(deleted.duration(to: .now))")
        // The new holder writes the reports again: the old one may have written since it last did.
        try await waitUntil("replica b rewrites the report", timeout: .seconds(15)) { configMapWrites(by: "b") > 0 }
        let lease = try #require(cluster.object(at: "/apis/coordination.k8s.io/v1/namespaces/kubectl-heal/leases/kubectl-heal-healer"))
        #expect(String(decoding: lease, as: UTF8.self).contains(#""holderIdentity":"kubectl-heal-healer-b_"#))
        #expect(try await Self.scrape(second).contains(finding), "the standby's view was warm")
        #expect(await second.stop() == 0)

        // Every request was the service account's, over TLS; report-only wrote only its Lease and reports.
        let requests = cluster.server.requests
        #expect(!requests.isEmpty && requests.allSatisfy { ["Bearer healer-token-a", "Bearer healer-token-b"].contains($0.header("Authorization")) })
        let writes = Set(requests.filter { $0.method != "GET" }.map { "\($0.method) \($0.path)" })
        #expect(!writes.isEmpty && writes.allSatisfy { $0.contains("/namespaces/kubectl-heal/leases") || $0.contains("/namespaces/kubectl-heal/configmaps") }, "\(writes.sorted())")
    }

    /// "" until the replica serves (it may still be starting).
    private static func scrape(_ run: BackgroundRun, path: String = "/metrics") async throws -> String {
        try await scrapeMetrics(stderr: run.stderr.text, path: path)?.body ?? ""
    }
}
