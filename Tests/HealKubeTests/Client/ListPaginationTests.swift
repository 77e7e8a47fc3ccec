import Foundation
import HealKube
import HealModel
import HealTestSupport
import Testing

/// LIST in pages (`limit` + `continue`), as kubectl does with `--chunk-size`.
@Suite("LIST pagination and selectors")
struct ListPaginationTests {
    let server: FakeAPIServer  // a fresh one per test, stopped when the test ends
    init() throws { server = try FakeAPIServer.captured() }

    static let shopPods = "/api/v1/namespaces/shop/pods"

    @Test("pageSize 3 over the 7 captured shop pods: three requests carrying limit, the continue token, every pod once")
    func pagesThroughShopPods() async throws {
        var pages: [[String]] = []

        let resourceVersion = try await TestClients.client(server).list(.pods, as: Pod.self, namespace: "shop", reading: ListReading(staleStartAcceptable: false, pageSize: 3)) {
            pages.append($0.map(\.metadata.name))
        }

        #expect(pages.map(\.count) == [3, 3, 1])
        #expect(pages.flatMap { $0 } == Self.capturedShopPodNames)
        #expect(resourceVersion == "952")
        let requests = server.requests(path: Self.shopPods)
        #expect(requests.count == 3)
        #expect(requests.allSatisfy { $0.query("limit") == "3" })
        #expect(requests[0].query("continue") == nil)
        #expect(requests[1].query("continue") != nil)
        #expect(requests[2].query("continue") != nil)
        #expect(requests[1].query("continue") != requests[2].query("continue"))
    }

    @Test("the captured pages: each continue token is sent back verbatim until a page has none")
    func capturedContinueTokens() async throws {
        let page1 = try Self.capturedPage(1)
        let page2 = try Self.capturedPage(2)
        let token1 = try #require(Self.metadata(page1)["continue"] as? String)
        let token2 = try #require(Self.metadata(page2)["continue"] as? String)
        server.script(path: Self.shopPods, query: ["continue": token1], responses: [.json(try Self.capturedPageText(2))])
        server.script(path: Self.shopPods, query: ["continue": token2], responses: [.json(try Self.lastPage())])
        server.script(path: Self.shopPods, query: ["limit": "3"], responses: [.json(try Self.capturedPageText(1))])
        var pages: [[String]] = []

        try await TestClients.client(server).list(.pods, as: Pod.self, namespace: "shop", reading: ListReading(staleStartAcceptable: false, pageSize: 3)) {
            pages.append($0.map(\.metadata.name))
        }

        let requests = server.requests(path: Self.shopPods)
        #expect(requests.map { $0.query("continue") } == [nil, token1, token2])
        #expect(pages.flatMap { $0 } == Self.capturedShopPodNames)
        // The API server's remainingItemCount counts what the later pages hold, no more, no less.
        #expect(Self.metadata(page1)["remainingItemCount"] as? Int == pages.dropFirst(1).joined().count)
        #expect(Self.metadata(page2)["remainingItemCount"] as? Int == pages.dropFirst(2).joined().count)
    }

    @Test("an empty continue token ends the list, as client-go's pager treats it")
    func emptyContinueEnds() async throws {
        server.script(path: Self.shopPods, responses: [
            .json(#"{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"7","continue":""},"items":[]}"#)
        ])

        let resourceVersion = try await TestClients.client(server).list(.pods, as: Pod.self, namespace: "shop") { _ in }

        #expect(resourceVersion == "7")
        #expect(server.requests.count == 1)
    }

    @Test("a set-based label selector such as `app in (cart,catalog)` survives URL encoding on every page")
    func setBasedSelector() async throws {
        var names: [String] = []

        try await TestClients.client(server).list(
            .pods, as: Pod.self, namespace: "shop", labelSelector: "app in (cart,catalog),tier!=db", reading: ListReading(staleStartAcceptable: false, pageSize: 2)
        ) { names += $0.map(\.metadata.name) }

        #expect(names == Self.capturedShopPodNames.filter { $0.hasPrefix("cart-") || $0.hasPrefix("catalog-") })
        let requests = server.requests(path: Self.shopPods)
        #expect(requests.count == 3)
        #expect(requests.allSatisfy { $0.query("labelSelector") == "app in (cart,catalog),tier!=db" })
    }

    @Test("without a namespace the cluster-wide path is listed (-A)")
    func allNamespaces() async throws {
        var namespaces = Set<String>()

        try await TestClients.client(server).list(.pods, as: Pod.self, namespace: nil) {
            namespaces.formUnion($0.compactMap(\.metadata.namespace))
        }

        #expect(namespaces == ["agentic-demo", "mcp-failover-clean", "shop"])
        #expect(server.requests.map(\.path) == ["/api/v1/pods"])
    }

    @Test("a cluster-scoped kind ignores the namespace")
    func clusterScopedKind() async throws {
        var nodes: [String] = []

        try await TestClients.client(server).list(.nodes, as: Node.self, namespace: "shop") { nodes += $0.map(\.metadata.name) }

        #expect(!nodes.isEmpty)
        #expect(server.requests.map(\.path) == ["/api/v1/nodes"])
    }

    // MARK: Captured data

    static let capturedShopPodNames = [
        "cart-548998b548-g6fsm", "cart-548998b548-zn2hw", "catalog-5478cf6485-48fqp", "catalog-5478cf6485-4xdfl",
        "catalog-5478cf6485-slp72", "frontend-5bc6d46c7d-dpj2s", "frontend-5bc6d46c7d-jw65r",
    ]

    static func capturedPageText(_ number: Int) throws -> String {
        try Fixtures.text("k8s-v1.36/pagination/shop-pods-page\(number).json")
    }

    static func capturedPage(_ number: Int) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(capturedPageText(number).utf8)) as? [String: Any] ?? [:]
    }

    static func metadata(_ page: [String: Any]) -> [String: Any] {
        page["metadata"] as? [String: Any] ?? [:]
    }

    /// The page after the captured two: the last captured pod, without `continue`.
    static func lastPage() throws -> String {
        let list = try JSONSerialization.jsonObject(
            with: Data(Fixtures.text("k8s-v1.36/api-paths/api/v1/namespaces/shop/pods.json").utf8)) as? [String: Any]
        let last = try #require((list?["items"] as? [Any])?.last)
        let page: [String: Any] = [
            "kind": "PodList", "apiVersion": "v1", "metadata": ["resourceVersion": "1042"], "items": [last],
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: page), as: UTF8.self)
    }
}
