import Foundation
import HealHTTP
import HealTestSupport
import Testing

@Suite("HTTPClient verifies servers and presents client certificates over real TLS", .timeLimit(.minutes(1)))
struct HTTPClientTLSTests {
    enum Material: String, CaseIterable {
        case data
        case file
    }

    let pki: TestPKI
    let server: FakeAPIServer
    let client = HTTPClient()
    let version: Data

    init() throws {
        pki = try TestPKI.shared()
        server = try FakeAPIServer.captured()
        version = try Data(contentsOf: Fixtures.capturedAPIPaths.appending(path: "version.json"))
    }

    private func source(_ credential: (file: URL, pem: Data), as material: Material) -> PEMSource {
        material == .file ? .file(credential.file.path) : .data(credential.pem)
    }

    private func versionRequest(_ terminator: TLSTerminator, tls: TLSConfiguration) -> HTTPRequest {
        HTTPRequest(url: terminator.baseURL.absoluteString + "/version", tls: tls)
    }

    @Test("the server is verified against a CA given as data or as a file", arguments: Material.allCases)
    func certificateAuthority(material: Material) async throws {
        let terminator = try TLSTerminator(backend: server, pki: pki, requireClientCertificate: false)
        let tls = TLSConfiguration(certificateAuthority: source((pki.ca.certificateFile, pki.ca.certificatePEM), as: material))

        let response = try await client.send(versionRequest(terminator, tls: tls))
        #expect(response.status == 200)
        #expect(response.body == version)
        #expect(try terminator.clientSubjects() == [nil])
    }

    @Test(
        "a client certificate and key given as data or as files identify the client",
        arguments: Material.allCases, Material.allCases)
    func clientCertificate(certificate: Material, key: Material) async throws {
        let terminator = try TLSTerminator(backend: server, pki: pki, requireClientCertificate: true)
        let tls = TLSConfiguration(
            certificateAuthority: .data(pki.ca.certificatePEM),
            clientCertificate: source((pki.client.certificateFile, pki.client.certificatePEM), as: certificate),
            clientKey: Redacted(source((pki.client.keyFile, pki.client.keyPEM), as: key)))

        let response = try await client.send(versionRequest(terminator, tls: tls))
        #expect(response.status == 200)
        #expect(try terminator.clientSubjects() == ["heal-test"])
    }

    enum Distrust: String, CaseIterable {
        case certificateFromAnotherCA
        case nameNotCovered
        case systemTrustStoreOnly
    }

    @Test("a server the client cannot verify is refused with tlsFailure before any request", arguments: Distrust.allCases)
    func unverifiedServer(distrust: Distrust) async throws {
        let terminator = try TLSTerminator(backend: server, pki: pki, requireClientCertificate: false)
        let tls = switch distrust {
        case .certificateFromAnotherCA: TLSConfiguration(certificateAuthority: .data(pki.otherCA.certificatePEM))
        case .nameNotCovered: TLSConfiguration(certificateAuthority: .data(pki.ca.certificatePEM), serverName: "api.other.invalid")
        case .systemTrustStoreOnly: TLSConfiguration()
        }
        let request = versionRequest(terminator, tls: tls)

        let error = try #require(await client.failure(of: request))
        #expect(error.kind == .tlsFailure)
        #expect(error.url == request.url)
        #expect(server.requests.isEmpty)
    }

    /// TLS 1.3 finishes the client's side of the handshake before the server checks the
    /// certificate; Go's API server then sends a "certificate required" alert (tlsFailure), while
    /// the Python terminator closes without one, which reads as an empty reply (connectionLost).
    @Test("a server that requires a client certificate turns away a client without one")
    func missingClientCertificate() async throws {
        let terminator = try TLSTerminator(backend: server, pki: pki, requireClientCertificate: true)
        let request = versionRequest(terminator, tls: TLSConfiguration(certificateAuthority: .data(pki.ca.certificatePEM)))

        let error = try #require(await client.failure(of: request))
        #expect([.tlsFailure, .connectionLost].contains(error.kind))
        #expect(error.url == request.url)
        #expect(server.requests.isEmpty)
    }

    @Test("verifyPeer false talks to an untrusted server")
    func verificationDisabled() async throws {
        let terminator = try TLSTerminator(backend: server, pki: pki, requireClientCertificate: false)
        let tls = TLSConfiguration(certificateAuthority: .data(pki.otherCA.certificatePEM), verifyPeer: false)

        let response = try await client.send(versionRequest(terminator, tls: tls))
        #expect(response.status == 200)
        #expect(response.body == version)
    }

    @Test("serverName verifies the certificate for that name while connecting to the URL's address")
    func serverName() async throws {
        let terminator = try TLSTerminator(backend: server, pki: pki, requireClientCertificate: false)
        let trusted = TLSConfiguration(certificateAuthority: .data(pki.ca.certificatePEM), serverName: "localhost")

        let response = try await client.send(versionRequest(terminator, tls: trusted))
        #expect(response.status == 200)
        #expect(response.body == version)
        #expect(server.requests.last?.header("host") == "localhost:\(terminator.port)")
    }

    /// All HTTPClients share one libcurl connection cache. Left at libcurl's default size
    /// (4 × transfers in progress), a transfer of another test finishing while this test's
    /// connection is idle evicts it, and the next request pays a new handshake.
    /// The connection cache is one per process, shared by every test's servers; under the full
    /// parallel suite it can evict this test's idle connection once, so one reconnect is allowed.
    /// Without reuse the ten requests would need ten handshakes.
    @Test("sequential requests reuse their TLS connection instead of handshaking each time")
    func connectionReuse() async throws {
        let terminator = try TLSTerminator(backend: server, pki: pki, requireClientCertificate: false)
        let request = versionRequest(terminator, tls: TLSConfiguration(certificateAuthority: .data(pki.ca.certificatePEM)))

        for _ in 0..<10 {
            let response = try await client.send(request)
            #expect(response.body == version)
        }
        #expect(server.requests.count == 10)
        let handshakes = try terminator.clientSubjects().count
        // Reuse means a handshake or two for ten requests, not ten; a loaded machine has been seen
        // to take a third (a connection the terminator's relay closed between two requests).
        #expect((1...3).contains(handshakes), "10 requests took \(handshakes) TLS handshakes")
    }

    @Test("an unreadable CA file is reported, naming the URL")
    func missingCAFile() async throws {
        let terminator = try TLSTerminator(backend: server, pki: pki, requireClientCertificate: false)
        let request = versionRequest(terminator, tls: TLSConfiguration(certificateAuthority: .file("/nonexistent/ca.crt")))
        let error = try #require(await client.failure(of: request))
        #expect(error.url == request.url)
        #expect(server.requests.isEmpty)
    }
}
