import Foundation
import HealTestSupport
import Testing

@Suite("FakeAPIServer records requests")
struct FakeAPIServerRecordingTests {
    @Test("method, decoded path and query, lower-cased headers and body are recorded in order")
    func recording() throws {
        let server = try FakeAPIServer.captured()
        let client = try HTTPTestClient(port: server.port)
        server.script(method: "PATCH", path: "/apis/apps/v1/namespaces/shop/deployments/cart", responses: [.json("{}")])

        _ = try client.request("/api/v1/namespaces/shop/pods?labelSelector=app+in+%28cart%29&limit=5")
        _ = try client.request(
            "/apis/apps/v1/namespaces/shop/deployments/cart?dryRun=All", method: "PATCH",
            headers: ["Content-Type": "application/merge-patch+json", "Authorization": "Bearer t0ken"],
            body: Data(#"{"spec":{"replicas":3}}"#.utf8))

        let requests = server.requests
        #expect(requests.map(\.method) == ["GET", "PATCH"])
        #expect(requests[0].path == "/api/v1/namespaces/shop/pods")
        #expect(requests[0].queryItems == [
            URLQueryItem(name: "labelSelector", value: "app in (cart)"), URLQueryItem(name: "limit", value: "5"),
        ])
        let patch = try #require(server.requests(path: "/apis/apps/v1/namespaces/shop/deployments/cart").first)
        #expect(patch.query("dryRun") == "All")
        #expect(patch.headers["content-type"] == "application/merge-patch+json")
        #expect(patch.header("Authorization") == "Bearer t0ken")
        #expect(patch.bodyText == #"{"spec":{"replicas":3}}"#)
        #expect(server.requests(path: "/api/v1/namespaces/shop/pods", method: "PATCH").isEmpty)
    }

    @Test("a body sent with Expect: 100-continue is answered with 100 Continue and received whole")
    func expectContinue() throws {
        let server = try FakeAPIServer.captured()
        let path = "/apis/apps/v1/namespaces/shop/deployments/cart"
        server.script(method: "PATCH", path: path, responses: [.json("{}")])
        let patch = #"{"metadata":{"annotations":{"note":"\#(String(repeating: "x", count: 200_000))"}}}"#
        let directory = try TemporaryDirectory()
        let body = try directory.write("patch.json", patch)

        let result = try Curl.run([
            // Without a 100 Continue curl would wait out the 30 s expect timeout and hit --max-time.
            "-X", "PATCH", "-H", "Expect: 100-continue", "--expect100-timeout", "30",
            "-H", "Content-Type: application/merge-patch+json", "--data-binary", "@\(body.path)",
            "\(server.baseURL.absoluteString)\(path)",
        ])
        #expect(result.exitCode == 0)
        let recorded = try #require(server.requests(path: path).first)
        #expect(recorded.header("expect") == "100-continue")
        #expect(recorded.bodyText == patch)
    }

    @Test("unscripted writes are refused with 405 instead of pretending to succeed")
    func unscriptedWrite() throws {
        let server = try FakeAPIServer.captured()
        let client = try HTTPTestClient(port: server.port)
        let response = try client.request("/api/v1/namespaces/shop/pods/cart-548998b548-g6fsm", method: "DELETE")
        #expect(response.status == 405)
        #expect(try response.json()["reason"] == .string("MethodNotAllowed"))
    }

    @Test("one keep-alive connection carries many requests, and parallel connections are served")
    func keepAliveAndConcurrency() async throws {
        let server = try FakeAPIServer.captured()
        let client = try HTTPTestClient(port: server.port)
        for _ in 0..<3 { #expect(try client.request("/version").status == 200) }

        let port = server.port
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try HTTPTestClient(port: port).request("/api/v1/nodes").status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 8))
        #expect(server.requests.count == 11)
    }

    @Test("without a fixture root only scripts answer; the rest is 404")
    func noFixtureRoot() throws {
        let server = try FakeAPIServer(fixtureRoot: nil)
        let client = try HTTPTestClient(port: server.port)
        server.script(path: "/version", responses: [.text("scripted")])
        #expect(try client.request("/version").text == "scripted")
        #expect(try client.request("/version").status == 404)
        #expect(server.baseURL.absoluteString == "http://127.0.0.1:\(server.port)")
    }
}
