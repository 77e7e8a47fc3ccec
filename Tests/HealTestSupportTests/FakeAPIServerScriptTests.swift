import Foundation
import HealTestSupport
import Testing

@Suite("FakeAPIServer plays scripted responses")
struct FakeAPIServerScriptTests {
    let server: FakeAPIServer
    let client: HTTPTestClient
    let deployments = "/apis/apps/v1/namespaces/shop/deployments"

    init() throws {
        server = try FakeAPIServer.captured()
        client = try HTTPTestClient(port: server.port)
    }

    @Test("a scripted fixture Status is sent with its HTTP code, then requests fall through to fixtures")
    func fixtureStatusThenFixtures() throws {
        server.script(path: deployments, responses: [.fixtureStatus("403-forbidden-list-deployments")])

        let forbidden = try client.request(deployments)
        let expected = try Fixtures.statusBody("403-forbidden-list-deployments")
        #expect(forbidden.status == 403)
        #expect(forbidden.body == expected.body)
        let listed = try client.request(deployments)
        #expect(listed.status == 200)
        #expect(try listed.json().itemNames == ["cart", "catalog", "frontend"])
    }

    @Test("429 and 503 carry Retry-After and a Status with retryAfterSeconds", arguments: [429, 503])
    func retryAfter(code: Int) throws {
        server.script(path: deployments, responses: [.retryAfter(code: code, seconds: 2)])
        let response = try client.request(deployments)
        #expect(response.status == code)
        #expect(response.headers["retry-after"] == "2")
        let body = try response.json()
        #expect(body["code"] == .number(Double(code)))
        #expect(body["details"]?["retryAfterSeconds"] == .number(2))
    }

    @Test("a built Status has the API server's fields")
    func builtStatus() throws {
        server.script(method: "PATCH", path: "\(deployments)/cart", responses: [
            .status(code: 409, reason: "Conflict", message: "the object has been modified")
        ])
        let response = try client.request("\(deployments)/cart", method: "PATCH", body: Data("{}".utf8))
        #expect(response.status == 409)
        #expect(try response.json() == .object([
            "kind": .string("Status"), "apiVersion": .string("v1"), "metadata": .object([:]),
            "status": .string("Failure"), "message": .string("the object has been modified"),
            "reason": .string("Conflict"), "code": .number(409),
        ]))
    }

    @Test("scripts with a query matcher only answer matching requests")
    func queryMatcher() throws {
        server.script(path: deployments, query: ["limit": "1"], responses: [.json(#"{"matched":true}"#)])
        #expect(try client.request(deployments).json()["kind"] == .string("DeploymentList"))
        #expect(try client.request("\(deployments)?limit=1").json()["matched"] == .bool(true))
    }

    @Test("a delayed response arrives after the delay")
    func delayed() throws {
        server.script(path: deployments, responses: [.delayed(.milliseconds(300), .fixture)])
        let clock = ContinuousClock()
        let start = clock.now
        let response = try client.request(deployments)
        #expect(clock.now - start >= .milliseconds(300))
        #expect(response.status == 200)
    }

    @Test("a dropped connection closes without a byte")
    func dropConnection() throws {
        server.script(path: deployments, responses: [.dropConnection])
        #expect(throws: HTTPTestClient.Failure.closed(received: Data())) { try client.request(deployments) }
    }

    @Test("a truncated response sends the head and part of the body, then closes")
    func truncated() throws {
        server.script(path: deployments, responses: [.truncated(.fixture, keepingBodyBytes: 10)])
        try client.send(deployments)
        let (status, headers) = try client.readHead()
        #expect(status == 200)
        let declared = try #require(headers["content-length"].flatMap { Int($0) })
        let received = try client.readUntilClose()
        #expect(received.count == 10)
        #expect(declared > 10)
    }

    @Test("a watch stream delivers chunks split mid-line as sent, then ends and keeps the connection")
    func watchStream() throws {
        let events = try Fixtures.text("k8s-v1.36/watch/agentic-demo-pods-rollout.ndjson")
        let splitAt = events.index(events.startIndex, offsetBy: 100)
        let chunks = [String(events[..<splitAt]), String(events[splitAt...])]
        server.script(path: "/api/v1/namespaces/agentic-demo/pods", query: ["watch": "true"], responses: [
            .stream(chunks: chunks, pause: .milliseconds(20), end: .finish)
        ])

        let response = try client.request("/api/v1/namespaces/agentic-demo/pods?watch=true")
        #expect(response.headers["transfer-encoding"] == "chunked")
        #expect(response.chunks == chunks.map { Data($0.utf8) })
        #expect(chunks[0].last != "\n")
        #expect(response.text == events)
        #expect(try client.request("/version").status == 200)
    }

    @Test("a held-open stream ends when the server stops")
    func holdOpenUntilStop() throws {
        server.script(path: "/api/v1/pods", responses: [
            .stream(chunks: [#"{"type":"BOOKMARK"#, #"","object":{}}"# + "\n"], pause: .zero, end: .holdOpen)
        ])
        try client.send("/api/v1/pods?watch=1")
        _ = try client.readHead()
        #expect(try client.readChunk() == Data(#"{"type":"BOOKMARK"#.utf8))
        #expect(try client.readChunk() == Data((#"","object":{}}"# + "\n").utf8))
        server.stop()
        #expect(throws: HTTPTestClient.Failure.closed(received: Data())) { try client.readChunk() }
    }

    @Test("a dropped stream closes without the terminating chunk")
    func droppedStream() throws {
        server.script(path: "/api/v1/pods", responses: [.stream(chunks: ["{\"type\":"], pause: .zero, end: .drop)])
        try client.send("/api/v1/pods?watch=1")
        _ = try client.readHead()
        #expect(try client.readChunk() == Data("{\"type\":".utf8))
        #expect(throws: HTTPTestClient.Failure.closed(received: Data())) { try client.readChunk() }
    }

    @Test("an unscripted watch is refused rather than answered with a List")
    func unscriptedWatch() throws {
        #expect(try client.request("/api/v1/pods?watch=true").status == 400)
    }

    @Test("requireAuthorization answers the captured 401 until the right credential arrives")
    func requireAuthorization() throws {
        server.requireAuthorization("Bearer fresh")
        let rejected = try client.request("/version", headers: ["Authorization": "Bearer stale"])
        #expect(rejected.status == 401)
        #expect(rejected.body == (try Fixtures.statusBody("401-bad-token").body))
        #expect(try client.request("/version", headers: ["Authorization": "Bearer fresh"]).status == 200)
    }
}
