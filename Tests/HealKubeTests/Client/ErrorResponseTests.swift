import Foundation
import HealHTTP
import HealKube
import HealModel
import HealTestSupport
import Testing

/// Failed requests keep the server's `Status` (or raw body) and name the verb and resource, so
/// a message can say what RBAC refused.
@Suite("error responses")
struct ErrorResponseTests {
    let server: FakeAPIServer  // a fresh one per test, stopped when the test ends
    init() throws { server = try FakeAPIServer.captured() }

    @Test("the captured 403 comes back as KubeError.status 403 whose request reads \"list deployments.apps in namespace shop\"")
    func forbiddenList() async throws {
        server.script(path: "/apis/apps/v1/namespaces/shop/deployments", responses: [.fixtureStatus("403-forbidden-list-deployments")])

        let error = try await #require(throws: KubeError.self) {
            try await TestClients.client(server).list(.deployments, as: Deployment.self, namespace: "shop") { _ in }
        }

        guard case .status(403, let status, nil, let request) = error else {
            Issue.record("expected KubeError.status 403 with a Status, got \(error)")
            return
        }
        #expect(request.description == "list deployments.apps in namespace shop")
        #expect(request.url == server.baseURL.absoluteString + "/apis/apps/v1/namespaces/shop/deployments")
        #expect(status?.reason == "Forbidden")
        #expect(status?.code == 403)
        #expect(status?.details?.group == "apps")
        #expect(status?.message?.contains(#"cannot list resource "deployments" in API group "apps""#) == true)
    }

    @Test("a cluster-wide list refused by RBAC names the cluster scope")
    func forbiddenClusterList() async throws {
        server.script(path: "/api/v1/pods", responses: [.fixtureStatus("403-forbidden-list-pods-cluster")])

        let error = try await #require(throws: KubeError.self) {
            try await TestClients.client(server).list(.pods, as: Pod.self, namespace: nil) { _ in }
        }

        #expect(error.httpStatus == 403)
        #expect(error.request.description == "list pods at cluster scope")
    }

    @Test("GET of a missing object → 404 with the captured NotFound Status")
    func notFound() async throws {
        let path = "/api/v1/namespaces/shop/pods/does-not-exist"
        let description = RequestDescription(
            verb: "get", resource: "pods", namespace: "shop", name: "does-not-exist", url: server.baseURL.absoluteString + path)

        let error = try await #require(throws: KubeError.self) {
            try await TestClients.client(server).get(Pod.self, path: path, description: description)
        }

        #expect(error.httpStatus == 404)
        #expect(error.apiStatus?.reason == "NotFound")
        #expect(error.apiStatus?.message == #"pods "does-not-exist" not found"#)
        #expect(error.request.description == "get pods does-not-exist in namespace shop")
    }

    @Test("GET of one object decodes it")
    func getObject() async throws {
        let path = "/api/v1/namespaces/shop/pods/cart-548998b548-g6fsm"
        let description = RequestDescription(verb: "get", resource: "pods", namespace: "shop", name: "cart-548998b548-g6fsm", url: path)

        let pod = try await TestClients.client(server).get(Pod.self, path: path, description: description)

        #expect(pod.metadata.name == "cart-548998b548-g6fsm")
        #expect(pod.metadata.labels["app"] == "cart")
    }

    @Test("a non-JSON 502 from a proxy is kept as the raw body")
    func nonJSONBadGateway() async throws {
        let html = "<html><body><h1>502 Bad Gateway</h1></body></html>"
        server.script(path: "/version", responses: Array(repeating: .text(html, status: 502), count: 3))

        let error = try await #require(throws: KubeError.self) { try await TestClients.client(server).serverVersion() }

        #expect(error.httpStatus == 502)
        #expect(error.apiStatus == nil)
        #expect(error.rawBody == html)
    }

    @Test("a 200 that is not the promised JSON → .invalidResponse at the coding path")
    func invalidResponse() async throws {
        server.script(path: "/api/v1/namespaces/shop/pods", responses: [
            .json(#"{"kind":"PodList","apiVersion":"v1","metadata":{},"items":[{"metadata":{"name":42}}]}"#)
        ])

        let error = try await #require(throws: KubeError.self) {
            try await TestClients.client(server).list(.pods, as: Pod.self, namespace: "shop") { _ in }
        }

        guard case .invalidResponse(let detail, let request) = error else {
            Issue.record("expected .invalidResponse, got \(error)")
            return
        }
        #expect(detail.contains("`items[0].metadata.name`"), "\(detail)")
        #expect(request.description == "list pods in namespace shop")
    }

    @Test("nothing listening on the port → transport(.unreachable) naming the URL, without retries")
    func unreachable() async throws {
        let closed = try ReservedPort()
        let url = closed.url
        let client = KubeClient(
            connection: ClusterConnection(server: url, origin: "closed port"), retryPolicy: TestClients.fastRetries)

        let error = try await #require(throws: KubeError.self) { try await client.serverVersion() }

        guard case .transport(.unreachable(let failedURL, _), let request) = error else {
            Issue.record("expected .transport(.unreachable), got \(error)")
            return
        }
        #expect(failedURL == url + "/version")
        #expect(request.description == "get version")
        withExtendedLifetime(closed) {}
    }

    @Test("an answer slower than --request-timeout → transport(.timedOut) with the limit")
    func requestTimeout() async throws {
        server.script(path: "/version", responses: [.delayed(.seconds(5), .fixture)])
        let client = TestClients.client(server, requestTimeout: .milliseconds(400))

        let error = try await #require(throws: KubeError.self) { try await client.serverVersion() }

        guard case .timedOut(let url, let after) = error.transportFailure else {
            Issue.record("expected .transport(.timedOut), got \(error)")
            return
        }
        #expect(url == server.baseURL.absoluteString + "/version")
        #expect(after == .milliseconds(400))
        #expect(error.attempts == nil, "a timeout is not retried")
    }
}
