import Foundation
import HealHTTP
import HealUsage
import Testing

@Suite("PrometheusConnection checks the --prometheus-* flags before anything is sent")
struct PrometheusConnectionTests {
    @Test("the URL keeps its path prefix and loses its trailing slash")
    func pathPrefix() throws {
        let connection = try PrometheusConnection(url: "HTTPS://mimir.example:8443/prometheus/")
        #expect(connection.url == "https://mimir.example:8443/prometheus")
        #expect(connection.tls.verifyPeer)
        #expect(connection.authentication == nil)
        #expect(connection.timeout == .seconds(30))
    }

    @Test(
        "a URL that is not a plain http(s) base URL is refused",
        arguments: ["prometheus:9090", "ftp://prometheus", "http://", "http://prometheus:9090/?x=1", "http://prometheus/#top"])
    func badURL(url: String) {
        #expect(throws: UsageError.self) { try PrometheusConnection(url: url) }
    }

    @Test("credentials in the URL are refused without repeating them")
    func credentialsInURL() {
        let error = #expect(throws: UsageError.self) { try PrometheusConnection(url: "https://admin:hunter2@prometheus.example") }
        guard case .prometheusOptionInvalid(let option, let reason) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(option == "--prometheus-url")
        #expect(!reason.contains("hunter2"))
    }

    @Test("headers are split at the first colon and trimmed, like curl -H")
    func headers() throws {
        let connection = try PrometheusConnection(
            url: "http://prometheus:9090", headers: ["X-Scope-OrgID: tenant-a", "X-Odd:a:b", "X-Empty:"])
        #expect(connection.headers == [HTTPHeader("X-Scope-OrgID", "tenant-a"), HTTPHeader("X-Odd", "a:b"), HTTPHeader("X-Empty", "")])
    }

    @Test("a malformed header names its position, not its text", arguments: ["Bearer s3cret", "Authorization Bearer: s3cret", ": s3cret"])
    func badHeader(header: String) {
        let error = #expect(throws: UsageError.self) {
            try PrometheusConnection(url: "http://prometheus:9090", headers: ["X-Ok: 1", header])
        }
        guard case .prometheusOptionInvalid(let option, let reason) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(option == "--prometheus-header")
        #expect(reason.contains("header 2"))
        #expect(!reason.contains("s3cret"))
    }

    @Test("a token file's contents lose their trailing newline and stay redacted")
    func tokenFile() throws {
        let connection = try PrometheusConnection(
            url: "http://prometheus:9090", token: .file(path: "/run/token", contents: Redacted("t0ken\n")))
        #expect(connection.authentication == .bearer(Redacted("t0ken")))
        #expect(!"\(connection)".contains("t0ken"))
        #expect(!String(reflecting: connection).contains("t0ken"))
    }

    @Test("an empty token file is refused, naming the file")
    func emptyTokenFile() {
        #expect(throws: UsageError.prometheusOptionInvalid(option: "--prometheus-token-file", reason: "/run/token is empty")) {
            try PrometheusConnection(url: "http://prometheus:9090", token: .file(path: "/run/token", contents: Redacted(" \n")))
        }
    }

    @Test("user and password make basic auth; either one alone is refused")
    func basicAuth() throws {
        let connection = try PrometheusConnection(url: "http://prometheus:9090", user: "heal", password: Redacted("pa55word"))
        #expect(connection.authentication == .basic(user: "heal", password: Redacted("pa55word")))
        #expect(!"\(connection)".contains("pa55word"))
        #expect(throws: UsageError.self) { try PrometheusConnection(url: "http://prometheus:9090", user: "heal") }
        #expect(throws: UsageError.self) { try PrometheusConnection(url: "http://prometheus:9090", password: Redacted("pw")) }
    }

    @Test("a bearer token and basic auth together are refused, as is an Authorization header with either")
    func conflictingCredentials() {
        let token = PrometheusConnection.TokenSource.environment(Redacted("t"))
        #expect(throws: UsageError.self) {
            try PrometheusConnection(url: "http://prometheus:9090", token: token, user: "heal", password: Redacted("pw"))
        }
        #expect(throws: UsageError.self) {
            try PrometheusConnection(url: "http://prometheus:9090", headers: ["authorization: Bearer x"], token: token)
        }
    }

    @Test("a CA file with --prometheus-insecure-skip-tls-verify is refused, as kubectl refuses both")
    func caAndInsecure() {
        #expect(throws: UsageError.self) {
            try PrometheusConnection(url: "https://prometheus", caFile: "/ca.pem", insecureSkipTLSVerify: true)
        }
    }

    @Test("TLS material lands in the TLS configuration; a certificate without its key is refused")
    func tlsMaterial() throws {
        let connection = try PrometheusConnection(
            url: "https://prometheus", caFile: "/ca.pem", clientCertificateFile: "/client.pem", clientKeyFile: "/client-key.pem")
        #expect(connection.tls.certificateAuthority == .file("/ca.pem"))
        #expect(connection.tls.clientCertificate == .file("/client.pem"))
        #expect(connection.tls.clientKey == Redacted(.file("/client-key.pem")))
        #expect(throws: UsageError.self) { try PrometheusConnection(url: "https://prometheus", clientCertificateFile: "/client.pem") }
        let insecure = try PrometheusConnection(url: "https://prometheus", insecureSkipTLSVerify: true)
        #expect(!insecure.tls.verifyPeer)
    }
}
