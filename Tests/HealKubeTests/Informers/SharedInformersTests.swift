import Foundation
import HealKube
import HealModel
import HealTestSupport
import Logging
import Testing

/// One informer per scope in a process: consumers asking for the same objects share one list
/// and one watch, read one store, and hear of each change after the store has it; the store
/// outlives an API server restart and a refusal ends it plainly.
@Suite("shared informers")
struct SharedInformersTests {
    static let namespace = "mcp-failover-clean"
    static let podsPath = "/api/v1/namespaces/\(namespace)/pods"

    private static func informers(_ cluster: FakeCluster) -> SharedInformers {
        SharedInformers(client: ProtobufWireTests.client(cluster), connectivity: nil)
    }

    private static func listsAndWatches(_ cluster: FakeCluster, path: String) -> (lists: Int, watches: Int) {
        let requests = cluster.server.requests(path: path, method: "GET")
        let watches = requests.filter { request in request.queryItems.contains { $0.name == "watch" } }.count
        return (requests.count - watches, watches)
    }

    @Test("two consumers of one scope share one informer: one list, one watch, one store")
    func sharedScope() async throws {
        let cluster = try FakeCluster.blueGreen(timing: .instant)
        let informers = Self.informers(cluster)
        defer { informers.stopAll() }

        let first = informers.informer(Pod.self, namespace: Self.namespace)
        let second = informers.informer(Pod.self, namespace: Self.namespace)
        try await first.waitUntilSynced()
        try await second.waitUntilSynced()

        #expect(first === second)
        #expect(first.count == 2)
        #expect(Set(first.objects.map(\.metadata.name)) == Set(second.objects.map(\.metadata.name)))
        // The watch opens just after the list it follows.
        #expect(await Self.eventually { Self.listsAndWatches(cluster, path: Self.podsPath).watches > 0 })
        try await Task.sleep(for: .milliseconds(100))
        let requests = Self.listsAndWatches(cluster, path: Self.podsPath)
        #expect(requests.lists == 1 && requests.watches == 1, "\(requests)")
        // Other selectors are another scope.
        let blue = informers.informer(Pod.self, namespace: Self.namespace, labelSelector: "app=web,colour=blue")
        #expect(blue !== first)
        #expect(informers.scopes.count == 2)
    }

    @Test("a namespaced consumer is served by the all-namespaces informer already running, reading its own namespace")
    func widerScopeServes() async throws {
        let cluster = try FakeCluster.blueGreen(timing: .instant)
        try cluster.create(json: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","namespace":"other"}}"#)
        try cluster.create(json: #"""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"lone","namespace":"other"},
             "spec":{"containers":[{"name":"app","image":"registry.example/app:1"}]}}
            """#)
        let informers = Self.informers(cluster)
        defer { informers.stopAll() }
        let all = informers.informer(Pod.self, namespace: nil)
        try await all.waitUntilSynced()

        let namespaced = informers.informer(Pod.self, namespace: Self.namespace)
        #expect(namespaced === all)
        #expect(namespaced.objects(in: Self.namespace).count == 2)
        #expect(namespaced.objects(in: "other").map(\.metadata.name) == ["lone"])
        #expect(all.count == 3)
        #expect(cluster.server.requests(path: Self.podsPath).isEmpty, "nothing asked of the namespace alone")
    }

    @Test("every subscriber hears a change after the store has it")
    func changesAfterStore() async throws {
        let cluster = try FakeCluster.blueGreen(timing: .instant)
        let informers = Self.informers(cluster)
        defer { informers.stopAll() }
        let services = informers.informer(Service.self, namespace: Self.namespace)
        try await services.waitUntilSynced()
        let first = services.changes()
        let second = services.changes()

        try cluster.mergePatch(at: "/api/v1/namespaces/\(Self.namespace)/services/web", json: #"{"metadata":{"labels":{"tier":"front"}}}"#)

        for stream in [first, second] {
            var iterator = stream.makeAsyncIterator()
            guard case .modified(let service)? = try await iterator.next() else {
                Issue.record("expected the Service's change")
                continue
            }
            #expect(service.metadata.labels["tier"] == "front")
            #expect(services[Self.namespace, "web"]?.metadata.labels["tier"] == "front")
        }
    }

    @Test("through an API server restart the store stays, is not current, and then holds what changed meanwhile")
    func restart() async throws {
        let cluster = try FakeCluster.blueGreen(timing: .instant)
        let informers = Self.informers(cluster)
        defer { informers.stopAll() }
        let services = informers.informer(Service.self, namespace: Self.namespace)
        try await services.waitUntilSynced()
        #expect(await Self.eventually { services.current })

        cluster.stopAPIServer()
        #expect(await Self.eventually { !services.current }, "an interrupted watch is not current")
        #expect(services.count == 3, "the store outlives the outage")
        try cluster.mergePatch(at: "/api/v1/namespaces/\(Self.namespace)/services/web", json: #"{"metadata":{"labels":{"during":"outage"}}}"#)
        try cluster.startAPIServer()

        #expect(await Self.eventually { services.current && services[Self.namespace, "web"]?.metadata.labels["during"] == "outage" })
    }

    @Test("a refused watch ends every subscriber and the sync wait with the refusal; the store is left as it was")
    func refusal() async throws {
        let cluster = try FakeCluster.blueGreen(timing: .instant)
        let forbidden = ScriptedResponse.status(code: 403, reason: "Forbidden", message: #"pods is forbidden: User "ci" cannot list resource "pods""#)
        cluster.server.script(path: Self.podsPath, responses: [forbidden])
        let informers = Self.informers(cluster)
        defer { informers.stopAll() }
        let pods = informers.informer(Pod.self, namespace: Self.namespace)

        await #expect(throws: KubeError.self) { try await pods.waitUntilSynced() }
        await #expect(throws: KubeError.self) {
            for try await _ in pods.changes() {}
        }
        #expect(!pods.synced && pods.count == 0)
        // Asked again (RBAC may allow it now), the scope gets a new informer that lists again.
        let again = informers.informer(Pod.self, namespace: Self.namespace)
        #expect(again !== pods)
        try await again.waitUntilSynced()
        #expect(again.count == 2)
    }

    @Test("a change signal wakes a wait early for its namespace only, once per change, and otherwise after the interval")
    func changeSignal() async throws {
        let cluster = try FakeCluster.blueGreen(timing: .instant)
        try cluster.create(json: #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"db","namespace":"other"},"spec":{"ports":[{"port":5432}]}}"#)
        let informers = Self.informers(cluster)
        defer { informers.stopAll() }
        let services = informers.informer(Service.self, namespace: nil)
        try await services.waitUntilSynced()
        let signal = ChangeSignal(services, namespace: Self.namespace)
        defer { signal.stop() }

        try cluster.mergePatch(at: "/api/v1/namespaces/other/services/db", json: #"{"metadata":{"labels":{"x":"1"}}}"#)
        var started = ContinuousClock.now
        await signal.wait(upTo: .milliseconds(300))
        #expect(started.duration(to: .now) >= .milliseconds(290), "another namespace's change does not wake it")

        started = .now
        try cluster.mergePatch(at: "/api/v1/namespaces/\(Self.namespace)/services/web", json: #"{"metadata":{"labels":{"x":"1"}}}"#)
        await signal.wait(upTo: .seconds(10))
        #expect(started.duration(to: .now) < .seconds(5), "its namespace's change wakes it")

        // The interval's timer, cancelled by that wake, leaves nothing behind for the next wait.
        started = .now
        await signal.wait(upTo: .milliseconds(300))
        #expect(started.duration(to: .now) >= .milliseconds(290), "woken once, not ever after")
    }

    @Test("with idleAfter, an informer nobody asks for and nobody follows is stopped; a followed one runs on; asking again starts it anew")
    func idleStopped() async throws {
        let cluster = try FakeCluster.blueGreen(timing: .instant)
        let informers = SharedInformers(client: ProtobufWireTests.client(cluster), connectivity: nil, idleAfter: .milliseconds(300))
        defer { informers.stopAll() }
        let services = informers.informer(Service.self, namespace: Self.namespace)
        let pods = informers.informer(Pod.self, namespace: Self.namespace)
        let following = pods.changes()
        try await services.waitUntilSynced()

        #expect(await Self.eventually { informers.scopes == [pods.scope] }, "\(informers.scopes)")
        // The sweeper forgets the scope first (so no caller is handed it) and stops it next.
        #expect(await Self.eventually { services.synced && !services.current }, "stopped, its store no longer current")
        withExtendedLifetime(following) {}
        let again = informers.informer(Service.self, namespace: Self.namespace)
        #expect(again !== services)
        try await again.waitUntilSynced()
        #expect(again.count == 3)
    }

    private static func eventually(within limit: Duration = .seconds(15), _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }
}
