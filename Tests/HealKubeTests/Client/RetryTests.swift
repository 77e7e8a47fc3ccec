import Foundation
import HealHTTP
import HealKube
import HealModel
import HealTestSupport
import Testing

/// Throttling, server errors and dropped connections are retried with backoff, boundedly;
/// everything else is reported at once.
@Suite("retries")
struct RetryTests {
    let server: FakeAPIServer  // a fresh one per test, stopped when the test ends
    init() throws { server = try FakeAPIServer.captured() }

    static let deployments = "/apis/apps/v1/namespaces/shop/deployments"

    private func listDeployments(_ client: KubeClient) async throws -> [Deployment] {
        var all: [Deployment] = []
        try await client.list(.deployments, as: Deployment.self, namespace: "shop") { all += $0 }
        return all
    }

    @Test("429 with Retry-After: 1 is retried after at least one second, not after the short backoff")
    func honoursRetryAfter() async throws {
        server.script(path: Self.deployments, responses: [.retryAfter(code: 429, seconds: 1)])

        let started = ContinuousClock.now
        let deployments = try await listDeployments(TestClients.client(server))
        let waited = ContinuousClock.now - started

        #expect(deployments.count == 3)
        #expect(server.requests(path: Self.deployments).count == 2)
        #expect(waited >= .seconds(1))
    }

    @Test("a Retry-After beyond the policy's cap waits only the cap")
    func retryAfterCapped() async throws {
        server.script(path: Self.deployments, responses: [.retryAfter(code: 429, seconds: 3600)])
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(10), maxDelay: .milliseconds(40), retryAfterCap: .milliseconds(100))

        let deployments = try await listDeployments(TestClients.client(server, retries: policy))

        #expect(deployments.count == 3)
        #expect(server.requests(path: Self.deployments).count == 2)
    }

    @Test("503 is retried and the following 200 is returned")
    func serviceUnavailableThenOK() async throws {
        server.script(path: Self.deployments, responses: [
            .status(code: 503, reason: "ServiceUnavailable", message: "etcdserver: leader changed")
        ])

        let deployments = try await listDeployments(TestClients.client(server))

        #expect(deployments.count == 3)
        #expect(server.requests(path: Self.deployments).count == 2)
    }

    @Test("a persistent 500 ends in KubeError.gaveUp after maxAttempts requests, keeping the last Status")
    func persistentServerError() async throws {
        let failure = ScriptedResponse.status(code: 500, reason: "InternalError", message: "etcd timeout")
        server.script(path: Self.deployments, responses: Array(repeating: failure, count: 5))

        let error = try await #require(throws: KubeError.self) { try await listDeployments(TestClients.client(server)) }

        #expect(error.attempts == TestClients.fastRetries.maxAttempts)
        #expect(error.httpStatus == 500)
        #expect(error.apiStatus?.message == "etcd timeout")
        #expect(error.request.description == "list deployments.apps in namespace shop")
        #expect(server.requests(path: Self.deployments).count == TestClients.fastRetries.maxAttempts)
    }

    @Test("a GET whose connection is dropped before any answer is retried")
    func droppedConnectionRetried() async throws {
        server.script(path: Self.deployments, responses: [.dropConnection])

        let deployments = try await listDeployments(TestClients.client(server))

        #expect(deployments.count == 3)
        #expect(server.requests(path: Self.deployments).count == 2)
    }

    @Test("a GET whose body is cut off mid-way is retried")
    func truncatedBodyRetried() async throws {
        server.script(path: Self.deployments, responses: [.truncated(.fixture, keepingBodyBytes: 200)])

        let deployments = try await listDeployments(TestClients.client(server))

        #expect(deployments.count == 3)
        #expect(server.requests(path: Self.deployments).count == 2)
    }

    @Test("a connection dropped on every attempt ends in gaveUp with .connectionLost")
    func droppedEveryTime() async throws {
        server.script(path: Self.deployments, responses: Array(repeating: .dropConnection, count: 5))

        let error = try await #require(throws: KubeError.self) { try await listDeployments(TestClients.client(server)) }

        #expect(error.attempts == 3)
        guard case .connectionLost = error.transportFailure else {
            Issue.record("expected .connectionLost, got \(error)")
            return
        }
    }

    @Test("4xx answers other than 429 are not retried", arguments: [
        "403-forbidden-list-deployments", "404-pod-not-found", "409-conflict-stale-resourceversion",
    ])
    func clientErrorsNotRetried(fixture: String) async throws {
        server.script(path: Self.deployments, responses: [.fixtureStatus(fixture)])

        let error = try await #require(throws: KubeError.self) { try await listDeployments(TestClients.client(server)) }

        #expect(error.attempts == nil)
        #expect(error.httpStatus == (try Fixtures.statusBody(fixture).httpCode))
        #expect(server.requests(path: Self.deployments).count == 1)
    }
}
