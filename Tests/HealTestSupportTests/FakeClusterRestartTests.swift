import Foundation
import HealTestSupport
import Testing

@Suite("FakeCluster's API server stops and starts again like a killed kube-apiserver with etcd kept")
struct FakeClusterRestartTests {
    static let pods = "/api/v1/namespaces/mcp-failover-clean/pods"
    static let green = "/apis/apps/v1/namespaces/mcp-failover-clean/deployments/web-green"

    @Test("while stopped, connections are refused and watches end; after a restart on the same port a resumed watch gets what changed, no 410")
    func restart() async throws {
        let cluster = try FakeCluster.blueGreen()
        let baseURL = cluster.baseURL
        let client = try HTTPTestClient(port: cluster.server.port)
        let version = try #require(try client.request(Self.pods).json()["metadata"]?["resourceVersion"]?.string)
        let watch = try HTTPTestClient(port: cluster.server.port)
        try watch.send("\(Self.pods)?watch=1&resourceVersion=\(version)")
        #expect(try watch.readHead().status == 200)

        cluster.stopAPIServer()
        #expect(throws: HTTPTestClient.Failure.self) { try watch.readChunk() }
        #expect(try Curl.run(["\(baseURL.absoluteString)/version"]).exitCode == 7, "curl: couldn't connect")

        // A write that reaches etcd while the API server is down; its controllers wait.
        try cluster.mergePatch(at: Self.green, json: #"{"spec":{"replicas":1}}"#)
        try await Task.sleep(for: .milliseconds(300))
        #expect(try greenPods(cluster).isEmpty, "the controllers pause with the API server")

        try cluster.startAPIServer()
        #expect(cluster.baseURL == baseURL)
        let resumed = try HTTPTestClient(port: cluster.server.port)
        try resumed.send("\(Self.pods)?watch=1&resourceVersion=\(version)")
        #expect(try resumed.readHead().status == 200)
        let first = try JSON(data: #require(try resumed.readChunk()))
        #expect(first["type"] == .string("ADDED"))
        #expect(first["object"]?["metadata"]?["labels"]?["version"] == .string("green"))

        #expect(await cluster.settle())
        #expect(try greenPods(cluster).count == 1)
        let all = try HTTPTestClient(port: cluster.server.port).request(Self.pods).json()
        #expect(all.itemNames.filter { $0.hasPrefix("web-blue-") } == ["web-blue-5959b56b7c-8npp6", "web-blue-5959b56b7c-hkftb"])
    }

    @Test("stop() is final: the server does not start again")
    func stopIsFinal() throws {
        let cluster = try FakeCluster(timing: .instant) // lifecycle, not timing
        cluster.stop()
        #expect(throws: (any Error).self) { try cluster.startAPIServer() }
    }

    private func greenPods(_ cluster: FakeCluster) throws -> [JSON] {
        try cluster.objects(in: Self.pods).map { try JSON(data: $0) }
            .filter { $0["metadata"]?["labels"]?["version"] == .string("green") }
    }
}
