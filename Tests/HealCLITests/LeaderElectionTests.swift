import Foundation
import HealModel
import HealTestSupport
import Testing

/// `diagnose --watch --fix --leader-elect` as two replicas: two kubectl-heal processes against
/// one fake cluster, sharing a Lease and a configmap:// store. The holder is killed (SIGKILL: no
/// clean release), as `kubectl delete pod --force` would.
@Suite("diagnose --watch --leader-elect: one replica acts, a standby takes over", .serialized)
struct LeaderElectionTests {
    static let lease = "/apis/coordination.k8s.io/v1/namespaces/shop/leases/kubectl-heal-healer"

    @Test("only the holder fixes; killed, the standby takes over within the Lease duration and fixes the next incident; a clean exit releases the Lease")
    func takeover() async throws {
        let shop = try ShopCluster(deployments: 3)
        let (cluster, folder) = (shop.cluster, shop.folder)
        let arguments = [
            "diagnose", "--watch", "--fix", "--yes", "-n", "shop", "--kubeconfig", shop.kubeconfig.path, "--store", "configmap://shop/heal-memory",
            "--verify-for", "300ms", "--leader-elect", "--lease-duration", "3s",
        ]
        let first = try Replica(arguments, folder: folder, name: "first")
        defer { first.kill() }
        try await waitUntil("the first replica holds the Lease") { try holder(cluster) != nil }
        let leader = try #require(try holder(cluster))
        let second = try Replica(arguments, folder: folder, name: "second")
        defer { second.kill() }
        try await waitUntil("the second replica stands by") { second.stderr.contains("stands by and does not act") }

        try starve(cluster, "app-1")
        try await waitUntil("app-1 is fixed", timeout: .seconds(30)) { try memoryLimit(cluster, "app-1") == "164Mi" }
        try await waitUntil("the fix is reported") { first.stdout.contains("FIXED") || second.stdout.contains("FIXED") }
        #expect(first.stdout.contains("FIXED deployment/app-1") && !second.stdout.contains("APPLYING"), "only the holder acts:\n\(first.stdout)\n---\n\(second.stdout)")
        #expect(try holder(cluster) == leader)

        // The holder dies without a word; the standby takes over once the Lease lapses.
        first.kill()
        let killed = ContinuousClock.now
        try await waitUntil("the second replica holds the Lease", timeout: .seconds(10)) { try holder(cluster).map { $0 != leader } ?? false }
        let takeover = killed.duration(to: .now)
        #expect(takeover <= .seconds(3 + 1), "within the 3 s Lease (and one retry): \(takeover)")
        try starve(cluster, "app-2")
        try await waitUntil("app-2 is fixed by the new holder", timeout: .seconds(30)) { try memoryLimit(cluster, "app-2") == "164Mi" }
        try await waitUntil("the fix is reported") { second.stdout.contains("FIXED deployment/app-2") }
        #expect(!second.stdout.contains("FIXED deployment/app-1"), "app-1 was the first replica's, and is healthy: \(second.stdout)")
        // One change per incident: each Deployment was patched by one replica only.
        for name in ["app-1", "app-2"] {
            let patches = cluster.server.requests(path: "/apis/apps/v1/namespaces/shop/deployments/\(name)", method: "PATCH")
                .filter { $0.query("dryRun") == nil }
            #expect(patches.count == 1, "\(name): \(patches.count) patches")
        }

        #expect(second.terminate() == 0, "\(second.stderr)")
        #expect(try holder(cluster) == nil, "a clean exit gives the Lease up")
    }

    @Test("an API server outage longer than the Lease: the holder stops acting, then holds it again and heals what broke")
    func outage() async throws {
        let shop = try ShopCluster(deployments: 2)
        let replica = try Replica(
            ["diagnose", "--watch", "--fix", "--yes", "-n", "shop", "--kubeconfig", shop.kubeconfig.path, "--store", "configmap://shop/heal-memory",
             "--verify-for", "300ms", "--leader-elect", "--lease-duration", "3s"],
            folder: shop.folder, name: "only")
        defer { replica.kill() }
        try await waitUntil("the replica holds the Lease") { try holder(shop.cluster) != nil }
        shop.cluster.stopAPIServer()
        try await Task.sleep(for: .seconds(5))
        try shop.cluster.startAPIServer()
        try await waitUntil("the watches are back", timeout: .seconds(30)) { replica.stderr.contains("the API server answers again") }
        try starve(shop.cluster, "app-1")
        try await waitUntil("app-1 is fixed after the outage", timeout: .seconds(30)) { try memoryLimit(shop.cluster, "app-1") == "164Mi" }
        #expect(try holder(shop.cluster) != nil)
        // It could not renew, so it stopped acting; it took the Lease again when the server came back.
        #expect(replica.stderr.contains("stands by and does not act"), "\(replica.stderr)")
        #expect(replica.stderr.components(separatedBy: "holds it and acts").count - 1 == 2, "\(replica.stderr)")
        #expect(replica.terminate() == 0, "\(replica.stderr)")
    }

    private func holder(_ cluster: FakeCluster) throws -> String? {
        guard let data = cluster.object(at: Self.lease) else { return nil }
        let lease = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return ((lease?["spec"] as? [String: Any])?["holderIdentity"] as? String).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A memory limit below what the workload needs: OOMKilled, which `--fix` raises by 100Mi.
    private func starve(_ cluster: FakeCluster, _ name: String) throws {
        cluster.setNeeds(WorkloadNeeds(memory: "100Mi"), namespace: "shop", deployment: name)
        try cluster.mergePatch(
            at: "/apis/apps/v1/namespaces/shop/deployments/\(name)",
            json: #"{"spec":{"template":{"spec":{"containers":[{"name":"\#(name)","image":"nginx:1.27","resources":{"limits":{"memory":"64Mi"}}}]}}}}"#)
    }

    private func memoryLimit(_ cluster: FakeCluster, _ name: String) throws -> String? {
        let deployment = try JSONDecoder().decode(Deployment.self, from: try #require(cluster.object(at: "/apis/apps/v1/namespaces/shop/deployments/\(name)")))
        return deployment.spec.template?.spec.containers.first?.resources?.limits["memory"]?.text
    }
}

/// The built kubectl-heal binary run as a process of its own, its output in files.
private final class Replica {
    private let process = Process()
    private let output: URL
    private let errors: URL

    init(_ arguments: [String], folder: TemporaryDirectory, name: String) throws {
        output = folder.url.appending(path: "\(name).out")
        errors = folder.url.appending(path: "\(name).err")
        for file in [output, errors] { FileManager.default.createFile(atPath: file.path, contents: nil) }
        process.executableURL = try BuiltBinary.url()
        process.arguments = arguments
        process.environment = ["HOME": folder.url.path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
    }

    var stdout: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: errors, encoding: .utf8)) ?? "" }

    /// SIGKILL: no clean-up of any kind.
    func kill() {
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, as Kubernetes stops a pod; returns the exit code.
    func terminate() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
