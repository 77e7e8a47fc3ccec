import Foundation
import HealKube
import HealModel
import HealTestSupport
import Testing

/// Which failures a collection survives: an expired continue token is re-listed from the start;
/// an unreachable server is not a per-kind problem and fails the whole collection at once.
@Suite("collection failures")
struct CollectionFailureTests {
    @Test("a continue token that expires mid-list (410) is re-listed from the start, without duplicates")
    func expiredContinueToken() async throws {
        let server = try FakeAPIServer.captured()
        let path = "/api/v1/namespaces/shop/pods"
        let firstPage = #"{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"1042","continue":"expired-token"},"items":[]}"#
        server.script(path: path, responses: [
            .json(firstPage),
            .status(code: 410, reason: "Expired", message: "The provided continue parameter is too old to display a consistent list result."),
        ])

        let snapshot = try await SnapshotCollector(client: TestClients.client(server)).collect(CollectionScope(namespace: "shop", kinds: [.pods]))

        #expect(snapshot.pods.count == 7)
        #expect(Set(snapshot.pods.map(\.metadata.name)).count == 7)
        let continues = server.requests(path: path).map { $0.query("continue") }
        #expect(continues == [nil, "expired-token", nil])
    }

    @Test("an unreachable server fails the collection with its transport error, not a list of unreadable kinds")
    func unreachable() async throws {
        let connection = ClusterConnection(server: "http://127.0.0.1:9", requestTimeout: .seconds(5), origin: "closed port")
        let collector = SnapshotCollector(client: TestClients.client(connection))
        do {
            let snapshot = try await collector.collect(CollectionScope(namespace: "shop"))
            Issue.record("collected from a closed port: \(snapshot.unreadable)")
        } catch let error as KubeError {
            guard case .transport(.unreachable, _) = error else {
                Issue.record("expected an unreachable transport error, got \(error)")
                return
            }
        }
    }
}
