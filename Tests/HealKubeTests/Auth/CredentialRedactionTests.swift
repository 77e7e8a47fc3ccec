import Foundation
import HealHTTP
import HealKube
import HealTestSupport
import InMemoryLogging
import Logging
import Testing

/// Tokens, passwords and keys never show up in logs, error values or a printed connection.
@Suite("credential redaction")
struct CredentialRedactionTests {
    let workspace: KubeconfigWorkspace  // a fresh temporary home per test
    init() throws { workspace = try KubeconfigWorkspace() }

    static let token = "sk-live-token-DO-NOT-LOG-7788"
    static let password = "hunter2-DO-NOT-LOG"

    @Test("a rejected, refreshed token appears in no log line (trace level) and in no error")
    func tokenNotLogged() async throws {
        let server = try FakeAPIServer.captured()
        defer { server.stop() }
        let tokenPath = try workspace.write("token", Self.token)
        server.requireAuthorization("Bearer something-else")
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "heal.kube.test") { _ in handler }
        logger.logLevel = .trace
        let client = KubeClient(
            connection: TestClients.connection(server, credential: .tokenFile(path: tokenPath)),
            retryPolicy: TestClients.fastRetries, logger: logger)

        let error = try await #require(throws: KubeError.self) { try await client.serverVersion() }

        #expect(error.httpStatus == 401)
        #expect(!handler.entries.isEmpty, "the client logged its requests at trace level")
        for entry in handler.entries {
            #expect(!"\(entry.message) \(entry.metadata)".contains(Self.token))
        }
        #expect(!"\(error)".contains(Self.token))
        #expect(!String(reflecting: error).contains(Self.token))
    }

    @Test("printing a resolved connection shows <redacted> instead of the token, password or client key")
    func connectionDescription() throws {
        let keyPEM = "-----BEGIN EC PRIVATE KEY-----\nKEY-DO-NOT-LOG\n-----END EC PRIVATE KEY-----\n"
        let withToken = try workspace.load(kubeconfig: KubeconfigText.single(
            server: "https://c.example", user: """
                token: \(Self.token)
                client-certificate-data: \(Data("CERT".utf8).base64EncodedString())
                client-key-data: \(Data(keyPEM.utf8).base64EncodedString())
                """))
        let withPassword = try workspace.load(kubeconfig: KubeconfigText.single(
            server: "https://c.example", user: "username: admin\npassword: \(Self.password)"))

        for text in [String(describing: withToken), String(reflecting: withToken)] {
            #expect(!text.contains(Self.token))
            #expect(!text.contains("KEY-DO-NOT-LOG"))
            #expect(text.contains("<redacted>"))
        }
        #expect(!String(describing: withPassword).contains(Self.password))
        #expect(String(describing: withPassword).contains("admin"))
    }
}
