import Foundation
import HealHTTP
import HealTestSupport
import Testing

@Suite("HTTPClient sends requests and reports responses and transport failures", .timeLimit(.minutes(1)))
struct HTTPClientTests {
    let server: FakeAPIServer
    let client = HTTPClient()

    init() throws {
        server = try FakeAPIServer.captured()
    }

    private func url(_ path: String) -> String {
        server.baseURL.absoluteString + path
    }

    @Test("status, headers and body come back for success and error statuses alike", arguments: [200, 404, 500])
    func statusHeadersBody(status: Int) async throws {
        let body = #"{"kind":"Status","code":\#(status)}"#
        server.script(path: "/probe", responses: [.json(body, status: status, headers: ["X-Request-Id": "req-\(status)"])])

        let response = try await client.send(HTTPRequest(url: url("/probe")))
        #expect(response.status == status)
        #expect(response.headers.value(for: "x-request-id") == "req-\(status)")
        #expect(response.headers.value(for: "CONTENT-TYPE") == "application/json")
        #expect(String(decoding: response.body, as: UTF8.self) == body)
    }

    @Test("a GET arrives with its method, path, query and headers")
    func getArrives() async throws {
        let request = HTTPRequest(
            url: url("/api/v1/namespaces/shop/pods?limit=2&labelSelector=app%3Dcart"),
            headers: [HTTPHeader("Authorization", "Bearer t0ken"), HTTPHeader("Accept", "application/json")])

        let response = try await client.send(request)
        #expect(response.status == 200)
        let received = try #require(server.requests.last)
        #expect(received.method == "GET")
        #expect(received.path == "/api/v1/namespaces/shop/pods")
        #expect(received.query("limit") == "2")
        #expect(received.query("labelSelector") == "app=cart")
        #expect(received.header("authorization") == "Bearer t0ken")
        #expect(received.header("accept") == "application/json")
        #expect(received.body.isEmpty)
    }

    @Test("a 2 MB PATCH body arrives whole, without waiting for 100-continue")
    func largePatchArrives() async throws {
        let path = "/apis/apps/v1/namespaces/shop/deployments/cart"
        server.script(method: "PATCH", path: path, responses: [.json(#"{"kind":"Deployment"}"#)])
        let body = Data((0..<(2 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 % 251) })
        let request = HTTPRequest(
            method: "PATCH", url: url(path),
            headers: [HTTPHeader("Content-Type", "application/strategic-merge-patch+json")], body: body)

        let response = try await client.send(request)
        #expect(response.status == 200)
        let received = try #require(server.requests(path: path).first)
        #expect(received.method == "PATCH")
        #expect(received.body == body)
        #expect(received.header("content-type") == "application/strategic-merge-patch+json")
        #expect(received.header("content-length") == String(body.count))
        #expect(received.header("expect") == nil)
    }

    @Test("a POST with an empty body sends Content-Length 0")
    func emptyPost() async throws {
        server.script(method: "POST", path: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", responses: [.json("{}", status: 201)])
        let request = HTTPRequest(method: "POST", url: url("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"), body: Data())
        let response = try await client.send(request)
        #expect(response.status == 201)
        #expect(server.requests.last?.method == "POST")
        #expect(server.requests.last?.header("content-length") == "0")
    }

    @Test("a gzip-encoded response is decompressed, and gzip is offered")
    func gzip() async throws {
        let original = try Data(contentsOf: Fixtures.capturedAPIPaths.appending(path: "api/v1/namespaces/shop/pods.json"))
        let compressed = try Gzip.compress(original)
        #expect(compressed.starts(with: [0x1f, 0x8b]))
        server.script(path: "/compressed", responses: [
            .reply(status: 200, headers: ["Content-Type": "application/json", "Content-Encoding": "gzip"], body: compressed)
        ])

        let response = try await client.send(HTTPRequest(url: url("/compressed")))
        #expect(response.body == original)
        #expect(server.requests.last?.header("accept-encoding")?.contains("gzip") == true)
    }

    @Test("fifty concurrent requests all complete with their own bodies")
    func concurrentRequests() async throws {
        let paths = [
            "/version", "/api/v1/nodes", "/api/v1/namespaces/shop/pods", "/apis/apps/v1/namespaces/shop/deployments",
            "/api/v1/namespaces/mcp-failover-clean/services",
        ]
        let expected = try Dictionary(uniqueKeysWithValues: paths.map {
            ($0, try Data(contentsOf: Fixtures.capturedAPIPaths.appending(path: "\($0).json")))
        })
        let results = try await withThrowingTaskGroup(of: (String, HTTPResponse).self) { group in
            for index in 0..<50 {
                let path = paths[index % paths.count]
                group.addTask { (path, try await client.send(HTTPRequest(url: url(path)))) }
            }
            var results: [(String, HTTPResponse)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(results.count == 50)
        for (path, response) in results {
            #expect(response.status == 200, "\(path)")
            #expect(response.body == expected[path], "\(path)")
        }
        #expect(server.requests.count == 50)
    }

    @Test("a server slower than the timeout gives timedOut with the URL and the limit")
    func timeout() async throws {
        server.script(path: "/slow", responses: [.delayed(.seconds(5), .json("{}"))])
        let request = HTTPRequest(url: url("/slow"), timeout: .milliseconds(300))

        let error = await client.failure(of: request)
        #expect(error == .timedOut(url: request.url, after: .milliseconds(300)))
        #expect(error?.description == "\(request.url) did not answer within 0.3s")
    }

    @Test("a closed port is unreachable, naming the URL")
    func closedPort() async throws {
        let gone = try ReservedPort()
        let request = HTTPRequest(url: gone.url + "/version")

        let error = try #require(await client.failure(of: request))
        #expect(error.kind == .unreachable)
        #expect(error.url == request.url)
        #expect(error.description.contains(request.url))
        withExtendedLifetime(gone) {}
    }

    @Test(
        "a connection that breaks before the whole response arrived is connectionLost",
        arguments: [ScriptedResponse.dropConnection, .truncated(.fixture, keepingBodyBytes: 100)])
    func brokenConnection(breakage: ScriptedResponse) async throws {
        server.script(path: "/api/v1/nodes", responses: [breakage])
        let request = HTTPRequest(url: url("/api/v1/nodes"))

        let error = try #require(await client.failure(of: request))
        #expect(error.kind == .connectionLost)
        #expect(error.url == request.url)
    }

    @Test("cancelling the task abandons a slow request promptly with cancelled")
    func cancelSend() async throws {
        server.script(path: "/slow", responses: [.delayed(.seconds(20), .json("{}"))])
        let request = HTTPRequest(url: url("/slow"))
        let task = Task { await client.failure(of: request) }
        #expect(try await LoopbackSockets.eventually(within: .seconds(60)) { server.requests.count == 1 })

        task.cancel()
        let error = await task.value
        // A wait for the 20 s answer would end in success, not in .cancelled.
        #expect(error == .cancelled(url: request.url))
    }

    @Test("a malformed URL is an invalid request, not a crash")
    func malformedURL() async {
        let error = await client.failure(of: HTTPRequest(url: "ht!tp://127.0.0.1:1/x"))
        #expect(error?.kind == .invalidRequest)
        #expect(error?.url == "ht!tp://127.0.0.1:1/x")
    }
}
