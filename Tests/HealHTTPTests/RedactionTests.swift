import Foundation
import HealHTTP
import Testing

@Suite("Credentials never show up in printed or logged values")
struct RedactionTests {
    /// Every way a value commonly turns into text: print, interpolation, debugPrint, dump.
    private func renderings(of value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return [String(describing: value), String(reflecting: value), "\(value)", dumped]
    }

    @Test("Redacted prints as <redacted> in every textual form, yet keeps its value for use")
    func redacted() {
        let secret = Redacted("s3cret-token")
        #expect(secret.description == "<redacted>")
        #expect(secret.debugDescription == "<redacted>")
        for text in renderings(of: secret) {
            #expect(!text.contains("s3cret-token"), "\(text)")
        }
        #expect(secret.value == "s3cret-token")
        #expect(secret == Redacted("s3cret-token"))
    }

    @Test(
        "credential-bearing headers hide their values whatever their case",
        arguments: ["Authorization", "authorization", "AUTHORIZATION", "Proxy-Authorization", "Cookie", "Api-Key", "X-API-Key"])
    func sensitiveHeader(name: String) {
        let header = HTTPHeader(name, "Bearer abc.def.ghi")
        #expect(header.description == "\(name): <redacted>")
        #expect(!"\([header])".contains("abc.def.ghi"))
        #expect(!String(reflecting: header).contains("abc.def.ghi"))
        #expect(header.value == "Bearer abc.def.ghi")
    }

    @Test("ordinary headers print their values")
    func ordinaryHeader() {
        #expect(HTTPHeader("Accept", "application/json").description == "Accept: application/json")
        #expect(HTTPHeader("User-Agent", "kubectl-heal").description == "User-Agent: kubectl-heal")
    }

    @Test("a request and its TLS settings print without the token or the private key")
    func requestAndTLS() {
        let key = Data("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIPrivateKeyMaterial\n-----END EC PRIVATE KEY-----\n".utf8)
        let tls = TLSConfiguration(clientKey: Redacted(.data(key)))
        let request = HTTPRequest(url: "https://127.0.0.1:6443/api", headers: [HTTPHeader("Authorization", "Bearer t0ken-value")], tls: tls)
        for text in [String(describing: tls), String(reflecting: tls), String(describing: request), "\(request.headers)"] {
            #expect(!text.contains("PrivateKeyMaterial"), "\(text)")
            #expect(!text.contains("t0ken-value"), "\(text)")
        }
    }

    @Test("header lookup ignores case and takes the first value")
    func headerLookup() {
        let headers = [HTTPHeader("Content-Type", "application/json"), HTTPHeader("content-type", "text/plain")]
        #expect(headers.value(for: "CONTENT-TYPE") == "application/json")
        #expect(headers.value(for: "Retry-After") == nil)
    }

    @Test(
        "transport errors describe themselves with the URL",
        arguments: [
            (HTTPError.unreachable(url: "https://10.0.0.1:6443/api", detail: "Connection refused"), "cannot reach https://10.0.0.1:6443/api: Connection refused"),
            (.timedOut(url: "https://k/api", after: .seconds(30)), "https://k/api did not answer within 30s"),
            (.timedOut(url: "https://k/api", after: .milliseconds(1500)), "https://k/api did not answer within 1.5s"),
            (.timedOut(url: "https://k/api", after: nil), "https://k/api timed out"),
            (.cancelled(url: "https://k/api"), "request to https://k/api was cancelled"),
            (.tlsFailure(url: "https://k/api", detail: "bad certificate"), "TLS failure talking to https://k/api: bad certificate"),
        ])
    func errorDescriptions(error: HTTPError, text: String) {
        #expect(error.description == text)
        #expect(text.contains(error.url))
    }
}
