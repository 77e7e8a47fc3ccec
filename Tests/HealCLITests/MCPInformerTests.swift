import Foundation
import HealTestSupport
import MCP
import Testing

/// The MCP server keeps one set of informers per cluster for its whole life: the first
/// diagnosis lists and starts them, later ones read their stores — the same document as the
/// CLI's, current with the cluster, without listing again.
@Suite("kubectl heal mcp reads the informers it keeps", .serialized)
struct MCPInformerTests {
    private static func podLists(_ shop: ShopCluster) -> Int {
        shop.cluster.server.requests(path: ShopCluster.pods, method: "GET").filter { request in
            !request.queryItems.contains { $0.name == "watch" }
        }.count
    }

    /// Each finding as workload and code.
    private static func findings(_ document: Value?) -> Set<String> {
        Set((document?["findings"]?.arrayValue ?? []).map { "\($0["workload"]?.stringValue ?? "")|\($0["code"]?.stringValue ?? "")" })
    }

    @Test("a second diagnose lists no pods, returns the CLI's document, and sees a Deployment broken since")
    func diagnoseFromInformers() async throws {
        let shop = try ShopCluster(deployments: 2)
        let session = try await MCPSession(["--kubeconfig", shop.kubeconfig.path])
        let first = try await session.call("diagnose", ["namespace": "shop"])
        #expect(first.isError == false, "\(first.text)")
        let listedFirst = Self.podLists(shop)
        #expect(listedFirst >= 1)
        // The informers list and start watching in the background.
        try await waitUntil("the pod informer watches") {
            shop.cluster.server.requests(path: ShopCluster.pods).contains { $0.queryItems.contains { $0.name == "watch" } }
        }
        try await Task.sleep(for: .milliseconds(200))
        let listsBefore = Self.podLists(shop)

        let second = try await session.call("diagnose", ["namespace": "shop"])
        #expect(Self.podLists(shop) == listsBefore, "the second diagnosis read the pod informer")
        #expect(second.structuredContent?.withoutServerClock == first.structuredContent?.withoutServerClock)

        shop.cluster.setRegistry(images: ["busybox:1.36"])
        var broken: Set<String> = []
        let deadline = ContinuousClock.now + .seconds(20)
        while broken.isEmpty, ContinuousClock.now < deadline {
            broken = Self.findings(try await session.call("diagnose", ["namespace": "shop"]).structuredContent)
        }
        #expect(!broken.isEmpty, "the informers hold the pods failing to pull")
        #expect(Self.podLists(shop) == listsBefore, "still no list of pods")
        let cli = await CLIRunner.run(["diagnose", "-n", "shop", "-o", "json", "--kubeconfig", shop.kubeconfig.path])
        #expect(broken == Self.findings(try Value.parsing(cli.stdout)), "the CLI, listing afresh, finds the same")
        #expect(await session.closeInput() == 0)
    }

    @Test("failover_status and failover_plan answer from the kept informers once they are current: the CLI's documents, no new lists")
    func failoverFromInformers() async throws {
        let blueGreen = try BlueGreenCluster()
        let namespace = BlueGreenCluster.namespace
        let deploymentsPath = "/apis/apps/v1/namespaces/\(namespace)/deployments"
        let session = try await MCPSession(["--kubeconfig", blueGreen.kubeconfig.path, "-n", namespace])
        // The first looks list and start the informers (the pods' one once the topology is known).
        _ = try await session.call("failover_status", ["service": "web"])
        try await Task.sleep(for: .milliseconds(300))
        _ = try await session.call("failover_status", ["service": "web"])
        try await Task.sleep(for: .milliseconds(300))
        let lists = { blueGreen.cluster.server.requests(path: deploymentsPath, method: "GET").filter { $0.query("watch") == nil }.count }
        let listsBefore = lists()

        let status = try await session.call("failover_status", ["service": "web"])
        let plan = try await session.call("failover_plan", ["service": "web", "to": "green", "keep_old": true])
        #expect(lists() == listsBefore, "answered from the informers")
        #expect(status.structuredContent == (try Value.parsing(await blueGreen.run(["failover", "status", "web", "-o", "json"]).stdout)))
        #expect(plan.structuredContent == (try Value.parsing(await blueGreen.run(["failover", "switch", "web", "--to", "green", "--keep-old", "-o", "json"]).stdout)))
        #expect(await session.closeInput() == 0)
        #expect(blueGreen.cluster.server.requests.allSatisfy { $0.method == "GET" })
    }
}
