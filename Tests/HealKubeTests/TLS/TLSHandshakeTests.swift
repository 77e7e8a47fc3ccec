import Foundation
import HealHTTP
import HealKube
import HealModel
import HealTestSupport
import Testing

/// Real TLS on 127.0.0.1: `TLSTerminator` (the test PKI's server certificate, optionally
/// demanding a client certificate) in front of the fake API server.
@Suite("TLS handshakes on loopback")
struct TLSHandshakeTests {
    /// A fake API server behind a TLS terminator, stopped together, and a kubeconfig workspace
    /// for clients of it.
    final class SecureServer {
        let pki: TestPKI
        let backend: FakeAPIServer
        let terminator: TLSTerminator
        let workspace: KubeconfigWorkspace

        init(requireClientCertificate: Bool) throws {
            pki = try TestPKI.shared()
            backend = try FakeAPIServer.captured()
            terminator = try TLSTerminator(backend: backend, pki: pki, requireClientCertificate: requireClientCertificate)
            workspace = try KubeconfigWorkspace()
        }

        deinit {
            terminator.stop()
            backend.stop()
        }

        var url: String { terminator.baseURL.absoluteString }

        /// `certificate-authority-data` for the given CA.
        func caData(_ ca: TestPKI.Credential? = nil) -> String {
            "certificate-authority-data: \((ca ?? pki.ca).certificatePEM.base64EncodedString())"
        }

        /// A client for the terminator, configured by these kubeconfig lines.
        func client(cluster: String, user: String = "", at relativePath: String = "kubeconfig") throws -> KubeClient {
            TestClients.client(try workspace.load(
                kubeconfig: KubeconfigText.single(server: url, cluster: cluster, user: user), at: relativePath))
        }

        /// How `GET /version` fails with these kubeconfig lines.
        func failure(cluster: String, user: String = "") async throws -> KubeError {
            let client = try client(cluster: cluster, user: user)
            return try await #require(throws: KubeError.self) { try await client.serverVersion() }
        }
    }

    private func expectTLSFailure(_ error: KubeError, sourceLocation: SourceLocation = #_sourceLocation) {
        guard case .tlsFailure = error.transportFailure else {
            Issue.record("expected .transport(.tlsFailure), got \(error)", sourceLocation: sourceLocation)
            return
        }
    }

    @Test("CA verification plus a client certificate, all given inline as *-data")
    func inlineCertificates() async throws {
        let secure = try SecureServer(requireClientCertificate: true)
        let client = try secure.client(cluster: secure.caData(), user: """
            client-certificate-data: \(secure.pki.client.certificatePEM.base64EncodedString())
            client-key-data: \(secure.pki.client.keyPEM.base64EncodedString())
            """)

        let version = try await client.serverVersion()

        #expect(version.gitVersion == "v1.36.2")
        let subjects = try secure.terminator.clientSubjects()
        #expect(subjects.contains("heal-test"))
        #expect(subjects.allSatisfy { $0 == "heal-test" }, "every handshake presented the client certificate")
    }

    @Test("CA and client certificate given as files relative to the kubeconfig's folder")
    func certificateFiles() async throws {
        let secure = try SecureServer(requireClientCertificate: true)
        try secure.workspace.write("config/pki/ca.pem", secure.pki.ca.certificatePEM)
        try secure.workspace.write("config/pki/client.pem", secure.pki.client.certificatePEM)
        try secure.workspace.write("config/pki/client.key", secure.pki.client.keyPEM)
        let client = try secure.client(
            cluster: "certificate-authority: pki/ca.pem", user: "client-certificate: pki/client.pem\nclient-key: pki/client.key",
            at: "config/kubeconfig")

        var pods: [String] = []
        try await client.list(.pods, as: Pod.self, namespace: "shop") { pods += $0.map(\.metadata.name) }

        #expect(pods.count == 7)
        #expect(try secure.terminator.clientSubjects().contains("heal-test"))
        #expect(secure.backend.requests.count == 1)
    }

    @Test("a server certificate from another CA is refused with KubeError.transport(.tlsFailure)")
    func wrongCARefused() async throws {
        let secure = try SecureServer(requireClientCertificate: false)

        let error = try await secure.failure(cluster: secure.caData(secure.pki.otherCA), user: "token: must-not-leak")

        expectTLSFailure(error)
        #expect(error.transportFailure?.url.hasPrefix(secure.url) == true)
        #expect(error.attempts == nil, "a verification failure is not retried")
        #expect(secure.backend.requests.isEmpty, "no request, and so no token, went to an unverified server")
    }

    @Test("without a client certificate a server that requires one refuses the connection; nothing reaches the API")
    func missingClientCertificate() async throws {
        let secure = try SecureServer(requireClientCertificate: true)

        let error = try await secure.failure(cluster: secure.caData())

        switch error.transportFailure {
        case .tlsFailure, .connectionLost: break
        default: Issue.record("expected a TLS failure or a lost connection, got \(error)")
        }
        #expect(secure.backend.requests.isEmpty)
    }

    @Test("insecure-skip-tls-verify: true connects without any CA")
    func insecureSkipVerify() async throws {
        let secure = try SecureServer(requireClientCertificate: false)

        let version = try await secure.client(cluster: "insecure-skip-tls-verify: true").serverVersion()

        #expect(version.gitVersion == "v1.36.2")
    }

    @Test("without a CA the system trust store is used, so the test CA's server is refused (verification on by default)")
    func verifiedByDefault() async throws {
        let secure = try SecureServer(requireClientCertificate: false)

        expectTLSFailure(try await secure.failure(cluster: ""))
    }

    @Test("tls-server-name: localhost with server https://127.0.0.1 verifies the certificate against localhost")
    func tlsServerName() async throws {
        let secure = try SecureServer(requireClientCertificate: false)

        let version = try await secure.client(cluster: "\(secure.caData())\ntls-server-name: localhost").serverVersion()
        #expect(version.gitVersion == "v1.36.2")

        // A name the certificate does not carry must fail: the name is really checked.
        expectTLSFailure(try await secure.failure(cluster: "\(secure.caData())\ntls-server-name: not-in-the-cert.example"))
    }
}
