import Foundation
import HealTestSupport
import Testing

@Suite("TLSTerminator puts real TLS in front of the fake server")
struct TLSTerminatorTests {
    let pki: TestPKI
    let server: FakeAPIServer
    let version: Data

    init() throws {
        pki = try TestPKI.shared()
        server = try FakeAPIServer.captured()
        version = try Data(contentsOf: Fixtures.capturedAPIPaths.appending(path: "version.json"))
    }

    @Test("a client certificate signed by the CA is required, verified and logged")
    func mutualTLS() throws {
        let tls = try TLSTerminator(backend: server, pki: pki, requireClientCertificate: true)
        let result = try Curl.run([
            "--cacert", pki.ca.certificateFile.path,
            "--cert", pki.client.certificateFile.path, "--key", pki.client.keyFile.path,
            "\(tls.baseURL.absoluteString)/version",
        ])
        #expect(result.exitCode == 0)
        #expect(result.output == version)
        #expect(try tls.clientSubjects() == ["heal-test"])
        #expect(server.requests(path: "/version").count == 1)
    }

    @Test("without a client certificate the handshake fails when one is required")
    func missingClientCertificate() throws {
        let tls = try TLSTerminator(backend: server, pki: pki, requireClientCertificate: true)
        let result = try Curl.run(["--cacert", pki.ca.certificateFile.path, "\(tls.baseURL.absoluteString)/version"])
        #expect(result.exitCode != 0)
        #expect(result.output.isEmpty)
        #expect(try tls.clientSubjects().isEmpty)
        #expect(server.requests.isEmpty)
    }

    @Test("a server certificate from another CA is refused")
    func wrongCA() throws {
        let tls = try TLSTerminator(backend: server, pki: pki, requireClientCertificate: false)
        let result = try Curl.run([
            "--cacert", pki.otherCA.certificateFile.path, "\(tls.baseURL.absoluteString)/version",
        ])
        #expect(result.exitCode == 60)  // CURLE_PEER_FAILED_VERIFICATION
        #expect(server.requests.isEmpty)
    }

    @Test("the server certificate is valid for localhost too, and the optional client certificate is absent")
    func localhostWithoutClientCertificate() throws {
        let tls = try TLSTerminator(backend: server, pki: pki, requireClientCertificate: false)
        let result = try Curl.run(["--cacert", pki.ca.certificateFile.path, "https://localhost:\(tls.port)/version"])
        #expect(result.exitCode == 0)
        #expect(result.output == version)
        #expect(try tls.clientSubjects() == [nil])
    }

    @Test("keep-alive requests flow through one TLS connection")
    func keepAlive() throws {
        let tls = try TLSTerminator(backend: server, pki: pki, requireClientCertificate: false)
        let url = "\(tls.baseURL.absoluteString)/version"
        let result = try Curl.run(["--cacert", pki.ca.certificateFile.path, url, url, url])
        #expect(result.output == version + version + version)
        #expect(try tls.clientSubjects().count == 1)
        #expect(server.requests.count == 3)
    }

    @Test("the PKI hands out PEM files and data; the client key is SEC 1 like k3s's")
    func pemMaterial() throws {
        #expect(pki.ca.certificatePEM.starts(with: Data("-----BEGIN CERTIFICATE-----".utf8)))
        #expect(pki.client.keyPEM.starts(with: Data("-----BEGIN EC PRIVATE KEY-----".utf8)))
        #expect(try Data(contentsOf: pki.server.certificateFile) == pki.server.certificatePEM)
        #expect(pki.ca.certificatePEM != pki.otherCA.certificatePEM)
        #expect(try TestPKI.shared().directory == pki.directory)
    }
}
