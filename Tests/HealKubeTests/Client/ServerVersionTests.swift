import HealKube
import HealTestSupport
import Testing

@Suite("server version")
struct ServerVersionTests {
    @Test("GET /version decodes the captured v1.36 answer")
    func serverVersion() async throws {
        let server = try FakeAPIServer.captured()
        defer { server.stop() }
        let version = try await TestClients.client(server).serverVersion()
        #expect(version.gitVersion == "v1.36.2")
        #expect(server.requests(path: "/version").count == 1)
    }
}
