import Foundation
import HealKube
import HealModel
import HealTestSupport
import Testing

/// A watch re-authenticates like every other request: a 401 when the stream opens (a token
/// that rotated) fetches the credential once more.
@Suite("watch credentials")
struct WatchCredentialTests {
    @Test("a watch whose token rotated gets a 401, re-reads the token file once and streams")
    func refreshOn401() async throws {
        let server = try FakeAPIServer.captured()
        let folder = try TemporaryDirectory()
        let tokenFile = try folder.write("token", "old-token")
        let client = TestClients.client(server, credential: .tokenFile(path: tokenFile.path))
        server.requireAuthorization("Bearer old-token")
        _ = try await client.serverVersion()  // caches the old token

        try folder.write("token", "new-token")
        server.requireAuthorization("Bearer new-token")
        let lines = try WatchStream.capturedLines()
        server.script(path: WatchTests.podsPath, query: WatchTests.watchQuery, responses: [.stream(chunks: lines, pause: .zero, end: .holdOpen)])

        let stream = client.watch(.pods, as: Pod.self, namespace: "agentic-demo", from: "998")
        let events = try await WatchStream.first(2, of: stream)

        #expect(events == Array(WatchTests.capturedEvents[0..<2]))
        let authorizations = server.requests(path: WatchTests.podsPath).map { $0.header("authorization") }
        #expect(authorizations == ["Bearer old-token", "Bearer new-token"])
    }
}
