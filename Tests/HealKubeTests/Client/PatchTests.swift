import Foundation
import HealKube
import HealModel
import HealTestSupport
import Testing

/// PATCH: the content type names the patch flavour, a server-side dry run is `dryRun=All`, and
/// a write is retried only when the server asks for it.
@Suite("PATCH")
struct PatchTests {
    let server: FakeAPIServer  // a fresh one per test, stopped when the test ends
    init() throws { server = try FakeAPIServer(fixtureRoot: nil) }

    static let cartPath = "/apis/apps/v1/namespaces/shop/deployments/cart"
    static let body = Data(#"{"spec":{"replicas":3}}"#.utf8)

    /// The captured `cart` Deployment, as the server would answer a patch.
    static func cartDeployment() throws -> String {
        let list = try JSONSerialization.jsonObject(
            with: Data(Fixtures.text("k8s-v1.36/api-paths/apis/apps/v1/namespaces/shop/deployments.json").utf8)) as? [String: Any]
        let items = list?["items"] as? [[String: Any]] ?? []
        let cart = try #require(items.first { ($0["metadata"] as? [String: Any])?["name"] as? String == "cart" })
        return String(decoding: try JSONSerialization.data(withJSONObject: cart), as: UTF8.self)
    }

    private func patchCart(_ client: KubeClient, type: KubeClient.PatchType = .merge, dryRun: Bool = false) async throws -> Data {
        try await client.patch(.deployments, namespace: "shop", name: "cart", body: Self.body, type: type, dryRun: dryRun)
    }

    @Test(
        "the Content-Type names the patch type; the body is sent as given",
        arguments: [
            (KubeClient.PatchType.merge, "application/merge-patch+json"),
            (.strategicMerge, "application/strategic-merge-patch+json"),
            (.json, "application/json-patch+json"),
        ])
    func contentType(type: KubeClient.PatchType, expected: String) async throws {
        server.script(method: "PATCH", path: Self.cartPath, responses: [.json(try Self.cartDeployment())])

        let answer = try await patchCart(TestClients.client(server), type: type)

        let request = try #require(server.requests(path: Self.cartPath, method: "PATCH").first)
        #expect(request.header("Content-Type") == expected)
        #expect(request.body == Self.body)
        #expect(request.query("fieldManager") == "kubectl-heal")
        #expect(request.query("dryRun") == nil)
        let deployment = try JSONDecoder().decode(Deployment.self, from: answer)
        #expect(deployment.metadata.name == "cart")
    }

    @Test("a server-side dry run sends dryRun=All and the field manager in the query")
    func dryRun() async throws {
        server.script(method: "PATCH", path: Self.cartPath, responses: [.json(try Self.cartDeployment())])

        _ = try await patchCart(TestClients.client(server), dryRun: true)

        let request = try #require(server.requests(path: Self.cartPath).first)
        #expect(request.method == "PATCH")
        #expect(request.query("dryRun") == "All")
        #expect(request.query("fieldManager") == "kubectl-heal")
    }

    @Test("a 500 after a write is not retried: the write may have happened")
    func serverErrorNotRetried() async throws {
        server.script(method: "PATCH", path: Self.cartPath, responses: [
            .status(code: 500, reason: "InternalError", message: "etcd timeout"), .json(try Self.cartDeployment()),
        ])

        let error = try await #require(throws: KubeError.self) { try await patchCart(TestClients.client(server)) }

        #expect(error.httpStatus == 500)
        #expect(error.attempts == nil)
        #expect(server.requests(path: Self.cartPath).count == 1)
    }

    @Test("a write is retried when the server asks: 429, or 503 with Retry-After", arguments: [429, 503])
    func throttledWriteRetried(code: Int) async throws {
        server.script(method: "PATCH", path: Self.cartPath, responses: [
            .retryAfter(code: code, seconds: 0), .json(try Self.cartDeployment()),
        ])

        _ = try await patchCart(TestClients.client(server))

        let requests = server.requests(path: Self.cartPath)
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { $0.body == Self.body })
    }

    @Test("a PATCH whose connection drops is not retried")
    func droppedWriteNotRetried() async throws {
        server.script(method: "PATCH", path: Self.cartPath, responses: [.dropConnection, .json(try Self.cartDeployment())])

        let error = try await #require(throws: KubeError.self) { try await patchCart(TestClients.client(server)) }

        guard case .connectionLost = error.transportFailure else {
            Issue.record("expected .connectionLost, got \(error)")
            return
        }
        #expect(server.requests(path: Self.cartPath).count == 1)
    }

    @Test("the captured 409 Conflict comes back with its decoded Status and is not retried")
    func conflict() async throws {
        server.script(method: "PATCH", path: Self.cartPath, responses: [.fixtureStatus("409-conflict-stale-resourceversion")])

        let error = try await #require(throws: KubeError.self) { try await patchCart(TestClients.client(server)) }

        guard case .status(409, let status?, nil, let request) = error else {
            Issue.record("expected KubeError.status 409 with a Status, got \(error)")
            return
        }
        #expect(status.reason == "Conflict")
        #expect(status.message?.hasPrefix(#"Operation cannot be fulfilled on deployments.apps "cart""#) == true)
        #expect(status.details?.name == "cart")
        #expect(status.details?.kind == "deployments")
        #expect(request.description == "patch deployments.apps cart in namespace shop")
        #expect(server.requests.count == 1)
    }

    @Test("the captured 422 Invalid keeps details.causes with the offending field")
    func invalid() async throws {
        server.script(method: "PATCH", path: Self.cartPath, responses: [.fixtureStatus("422-invalid-patch")])

        let error = try await #require(throws: KubeError.self) { try await patchCart(TestClients.client(server)) }

        #expect(error.httpStatus == 422)
        let status = try #require(error.apiStatus)
        #expect(status.reason == "Invalid")
        #expect(status.message == #"Deployment.apps "cart" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0"#)
        let causes = try #require(status.details?.causes)
        #expect(causes.count == 1)
        #expect(causes.first?.field == "spec.replicas")
        #expect(causes.first?.reason == "FieldValueInvalid")
        #expect(causes.first?.message == "Invalid value: -1: must be greater than or equal to 0")
    }
}
