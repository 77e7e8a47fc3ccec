import Foundation
import HealKube
import HealModel
import HealTestSupport
import Testing

/// Where a list is read from and in what pages: a field-selected list unpaged (from the watch
/// cache when a stale start is acceptable), an unfiltered one paged from etcd, and a page
/// answered whole decoded a batch at a time.
@Suite("LIST reading: watch cache, selectivity, batches")
struct ListReadingTests {
    let server: FakeAPIServer
    init() throws { server = try FakeAPIServer.captured() }

    static let shopPods = "/api/v1/namespaces/shop/pods"
    static let shopEvents = "/api/v1/namespaces/shop/events"

    @Test("an unfiltered list pages from etcd even for a first list: no resourceVersion, a limit on every page")
    func unfilteredPagesFromEtcd() async throws {
        var names: [String] = []
        try await TestClients.client(server).list(.pods, as: Pod.self, namespace: "shop", reading: ListReading(staleStartAcceptable: true, pageSize: 3)) {
            names += $0.map(\.metadata.name)
        }
        let requests = server.requests(path: Self.shopPods)
        #expect(requests.count == 3)
        #expect(requests.allSatisfy { $0.query("resourceVersion") == nil && $0.query("limit") == "3" })
        #expect(names == ListPaginationTests.capturedShopPodNames)
    }

    @Test("a field-selected first list asks the watch cache for everything at once: resourceVersion=0, no limit")
    func selectiveFromWatchCache() async throws {
        try await TestClients.client(server).list(.events, as: Event.self, namespace: "shop", fieldSelector: "type=Warning", reading: .initial) { _ in }
        let requests = server.requests(path: Self.shopEvents)
        #expect(requests.count == 1)
        #expect(requests[0].query("limit") == nil)
        #expect(requests[0].query("fieldSelector") == "type=Warning")
        #expect(requests[0].query("resourceVersion") == "0")
    }

    @Test("a consistent field-selected list reads etcd, unpaged")
    func selectiveConsistent() async throws {
        try await TestClients.client(server).list(.events, as: Event.self, namespace: "shop", fieldSelector: "type=Warning") { _ in }
        let requests = server.requests(path: Self.shopEvents)
        #expect(requests.count == 1)
        #expect(requests[0].query("limit") == nil)
        #expect(requests[0].query("resourceVersion") == nil)
    }

    @Test("a page answered whole (a watch cache ignoring limit) arrives in batches of the page size, in order")
    func wholeAnswerInBatches() async throws {
        server.script(path: Self.shopPods, responses: [.json(try Fixtures.text("k8s-v1.36/api-paths/api/v1/namespaces/shop/pods.json"))])
        var batches: [[String]] = []
        let version = try await TestClients.client(server).list(.pods, as: Pod.self, namespace: "shop", reading: ListReading(staleStartAcceptable: true, pageSize: 3)) {
            batches.append($0.map(\.metadata.name))
        }
        #expect(batches.map(\.count) == [3, 3, 1])
        #expect(batches.flatMap { $0 } == ListPaginationTests.capturedShopPodNames)
        #expect(!version.isEmpty)
        #expect(server.requests(path: Self.shopPods).count == 1)
    }
}
