import Foundation
import HealHTTP
import HealKube
import HealTestSupport
import Testing

/// Bearer tokens, token files and basic auth as the API server receives them.
@Suite("static credentials on the wire")
struct StaticCredentialTests {
    let server: FakeAPIServer  // a fresh one per test, stopped when the test ends
    let workspace: KubeconfigWorkspace
    init() throws {
        server = try FakeAPIServer.captured()
        workspace = try KubeconfigWorkspace()
    }

    @Test("a kubeconfig token is sent as `Authorization: Bearer …`")
    func bearerToken() async throws {
        let connection = try workspace.load(kubeconfig: KubeconfigText.single(
            server: server.baseURL.absoluteString, user: "token: kubeconfig-token"))
        server.requireAuthorization("Bearer kubeconfig-token")

        let version = try await TestClients.client(connection).serverVersion()

        #expect(version.gitVersion == "v1.36.2")
        #expect(server.requests.map { $0.header("Authorization") } == ["Bearer kubeconfig-token"])
    }

    @Test("username/password is sent as `Authorization: Basic base64(user:password)`")
    func basicAuth() async throws {
        let connection = try workspace.load(kubeconfig: KubeconfigText.single(
            server: server.baseURL.absoluteString, user: "username: admin\npassword: \"p@ss:word\""))

        _ = try await TestClients.client(connection).serverVersion()

        let expected = "Basic " + Data("admin:p@ss:word".utf8).base64EncodedString()
        #expect(server.requests.first?.header("Authorization") == expected)
    }

    @Test("no credential sends no Authorization header")
    func anonymous() async throws {

        _ = try await TestClients.client(server).serverVersion()

        #expect(server.requests.first?.header("Authorization") == nil)
    }

    @Test("a rejected static token ends in 401 after one request: nothing to refresh")
    func rejectedStaticToken() async throws {
        server.requireAuthorization("Bearer right")
        let client = TestClients.client(server, credential: .token(Redacted("wrong")))

        let error = try await #require(throws: KubeError.self) { try await client.serverVersion() }

        #expect(error.httpStatus == 401)
        #expect(error.apiStatus?.reason == "Unauthorized")
        #expect(server.requests.count == 1)
    }

    @Test("a tokenFile is re-read after a 401, so a rotated projected token is picked up")
    func tokenFileRotation() async throws {
        let tokenPath = try workspace.write("token", "first-token\n")
        let client = TestClients.client(server, credential: .tokenFile(path: tokenPath))

        _ = try await client.serverVersion()
        try workspace.write("token", "rotated-token\n")
        server.requireAuthorization("Bearer rotated-token")
        let version = try await client.serverVersion()

        #expect(version.gitVersion == "v1.36.2")
        #expect(server.requests.map { $0.header("Authorization") } == [
            "Bearer first-token", "Bearer first-token", "Bearer rotated-token",
        ])
    }

    @Test("a tokenFile that still fails after the re-read ends in 401")
    func tokenFileStillRejected() async throws {
        let tokenPath = try workspace.write("token", "stale-token")
        server.requireAuthorization("Bearer something-else")
        let client = TestClients.client(server, credential: .tokenFile(path: tokenPath))

        let error = try await #require(throws: KubeError.self) { try await client.serverVersion() }

        #expect(error.httpStatus == 401)
        #expect(server.requests.count == 2, "one request, one retry with the re-read file")
    }

    @Test("a tokenFile deleted before the first request fails as a credential error naming the file")
    func tokenFileMissing() async throws {
        let client = TestClients.client(server, credential: .tokenFile(path: workspace.path("gone")))

        let error = try await #require(throws: KubeError.self) { try await client.serverVersion() }

        guard case .tokenFileUnreadable(let path, _) = error.credentialFailure else {
            Issue.record("expected .tokenFileUnreadable, got \(error)")
            return
        }
        #expect(path == workspace.path("gone"))
        #expect(server.requests.isEmpty)
    }
}
