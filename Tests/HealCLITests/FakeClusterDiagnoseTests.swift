import Foundation
import HealTestSupport
import Testing

/// `diagnose` against the stateful fake cluster: the analyzers read the statuses the fake's
/// kubelet derives from the specs, before and after a fix.
@Suite("diagnose against FakeCluster.agenticDemo")
struct FakeClusterDiagnoseTests {
    let cluster: FakeCluster
    let folder: TemporaryDirectory
    let kubeconfig: URL

    init() throws {
        cluster = try FakeCluster.agenticDemo()
        folder = try TemporaryDirectory()
        kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "test-token"))
    }

    @Test("the four broken workloads are diagnosed with their root-cause codes")
    func brokenWorkloads() async throws {
        let codes = try await findings()
        #expect(codes.contains("image-tag-not-found deployment/web-server"), "\(codes)")
        #expect(codes.contains("image-not-found deployment/alpine-app"), "\(codes)")
        #expect(codes.contains("oom-killed deployment/memory-hungry"), "\(codes)")
        #expect(codes.contains("missing-env-vars deployment/mysql-client"), "\(codes)")
    }

    @Test("after the image fix web-server's finding is gone and the others stay")
    func afterFix() async throws {
        try cluster.strategicMergePatch(
            at: "/apis/apps/v1/namespaces/agentic-demo/deployments/web-server",
            json: #"{"spec":{"template":{"spec":{"containers":[{"name":"web-server","image":"nginx:latest"}]}}}}"#)
        // The controllers roll the fix out in real time: the old pod goes only once the new one is Ready.
        #expect(await cluster.settle())
        let codes = try await findings()
        #expect(!codes.contains { $0.hasSuffix("deployment/web-server") }, "\(codes)")
        #expect(codes.contains("oom-killed deployment/memory-hungry"), "\(codes)")
    }

    /// `code kind/name` of every finding (the owner workload when there is one).
    private func findings() async throws -> [String] {
        let run = await CLIRunner.run(["diagnose", "-n", FakeCluster.agenticDemoNamespace, "-o", "json", "--kubeconfig", kubeconfig.path])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        let findings = try #require(document["findings"] as? [[String: Any]])
        return findings.map { finding in
            let workload = (finding["owner"] ?? finding["resource"]) as? [String: Any] ?? [:]
            return "\(finding["code"] ?? "") \(String(describing: workload["kind"] ?? "").lowercased())/\(workload["name"] ?? "")"
        }
    }
}
