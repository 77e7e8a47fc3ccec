import Foundation
import HealKube
import HealTestSupport
import Testing

/// A proxy subresource relays the upstream's answers; only the API server's own `Status`
/// refusals are errors.
@Suite("GET through a proxy subresource")
struct ProxyGetTests {
    static let path = "/api/v1/namespaces/monitoring/services/http:prometheus:web/proxy/api/v1/query"

    let server: FakeAPIServer
    init() throws { server = try FakeAPIServer(fixtureRoot: nil) }

    func get() async throws(KubeError) -> Int {
        try await TestClients.client(server)
            .proxyGet(Self.path, query: [("query", "up")], resource: "services/proxy", namespace: "monitoring", name: "http:prometheus:web")
            .status
    }

    @Test("the upstream's 503 (not a Status) is the answer, sent once and not retried")
    func upstreamAnswer() async throws {
        server.script(path: Self.path, responses: [.json(#"{"status":"error","errorType":"timeout","error":"query timed out"}"#, status: 503)])

        #expect(try await get() == 503)
        #expect(server.requests(path: Self.path).count == 1)
    }

    @Test("the API server's 503 Status is retried, then thrown naming get services/proxy")
    func apiServerRefusal() async throws {
        server.script(path: Self.path, responses: Array(repeating: .status(
            code: 503, reason: "ServiceUnavailable", message: #"no endpoints available for service "prometheus""#), count: 3))

        let error = try await #require(throws: KubeError.self) { try await get() }

        #expect(error.httpStatus == 503)
        #expect(error.request.description == "get services/proxy http:prometheus:web in namespace monitoring")
        #expect(server.requests(path: Self.path).count == TestClients.fastRetries.maxAttempts)
    }
}
