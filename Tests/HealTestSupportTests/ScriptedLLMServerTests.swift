import Foundation
import Synchronization
import HealTestSupport
import Testing

@Suite("ScriptedLLMServer answers like an OpenAI-compatible server", .timeLimit(.minutes(1)))
struct ScriptedLLMServerTests {
    let body = Data(#"{"model":"llama3.1","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Why OOMKilled?"}],"temperature":0,"response_format":{"type":"json_object"}}"#.utf8)

    func port(_ server: ScriptedLLMServer) throws -> UInt16 {
        try #require(URLComponents(string: server.baseURL)?.port.map(UInt16.init))
    }

    @Test("a chat request gets a completion with the answer function's content and a usage block")
    func completion() throws {
        let server = try ScriptedLLMServer { chat in "\(chat.model): \(chat.lastContent() ?? "-")" }
        defer { server.stop() }
        let client = try HTTPTestClient(port: port(server))

        let response = try client.request(
            "/v1/chat/completions", method: "POST", headers: ["Content-Type": "application/json", "Authorization": "Bearer k"], body: body)

        #expect(response.status == 200)
        let json = try response.json()
        #expect(json["object"] == .string("chat.completion"))
        #expect(json["choices"]?[0]?["message"]?["content"] == .string("llama3.1: Why OOMKilled?"))
        #expect(json["usage"]?["prompt_tokens"] == .number(6))
        #expect(json["usage"]?["total_tokens"] == .number(12))
        let chat = try #require(server.chats.first)
        #expect(chat.messages.map(\.role) == ["system", "user"])
        #expect(chat.jsonMode)
        #expect(chat.temperature == 0)
        #expect(chat.headers["authorization"] == "Bearer k")
        #expect(server.baseURL.hasPrefix("http://127.0.0.1:"))
        #expect(!server.baseURL.hasSuffix("/v1"))
    }

    @Test("rejectsJSONMode answers requests with response_format 400 and an OpenAI error")
    func rejectsJSONMode() throws {
        let server = try ScriptedLLMServer(rejectsJSONMode: true) { _ in "unused" }
        defer { server.stop() }
        let client = try HTTPTestClient(port: port(server))

        let response = try client.request("/v1/chat/completions", method: "POST", body: body)

        #expect(response.status == 400)
        let error = try response.json()["error"]
        #expect(error?["message"] == .string("response_format json_object is not supported by this model"))
        #expect(error?["type"] == .string("invalid_request_error"))
    }

    @Test("scripts come first, recorded as chats too; error() carries Retry-After")
    func scripts() throws {
        let server = try ScriptedLLMServer { _ in "from the model" }
        defer { server.stop() }
        server.script([
            ScriptedLLMServer.error(status: 429, message: "Rate limit reached", type: "requests", retryAfter: 2),
            ScriptedLLMServer.completion(content: "scripted"),
        ])
        let client = try HTTPTestClient(port: port(server))

        let throttled = try client.request("/v1/chat/completions", method: "POST", body: body)
        let scripted = try client.request("/v1/chat/completions", method: "POST", body: body)
        let modelled = try client.request("/v1/chat/completions", method: "POST", body: body)

        #expect(throttled.status == 429)
        #expect(throttled.headers["retry-after"] == "2")
        #expect(try throttled.json()["error"]?["message"] == .string("Rate limit reached"))
        #expect(try scripted.json()["choices"]?[0]?["message"]?["content"] == .string("scripted"))
        #expect(try modelled.json()["choices"]?[0]?["message"]?["content"] == .string("from the model"))
        #expect(server.chats.count == 3)
    }

    @Test("requests answered at once are counted, up to the most seen together")
    func concurrency() throws {
        let server = try ScriptedLLMServer(latency: .milliseconds(500)) { _ in "slow" }
        defer { server.stop() }
        let port = try port(server)
        let body = body
        // Three clients on threads of their own: blocking sockets stay off the test's executor.
        let finished = DispatchGroup()
        let statuses = Mutex<[Int]>([])
        for _ in 0..<3 {
            finished.enter()
            Thread {
                defer { finished.leave() }
                do {
                    let status = try HTTPTestClient(port: port).request("/v1/chat/completions", method: "POST", body: body).status
                    statuses.withLock { $0.append(status) }
                } catch {
                    statuses.withLock { $0.append(-1) }
                }
            }.start()
        }
        #expect(finished.wait(timeout: .now() + .seconds(60)) == .success)
        #expect(statuses.withLock { $0 } == [200, 200, 200])
        #expect(server.maxConcurrentRequests >= 2)
        #expect(server.maxConcurrentRequests <= 3)
    }

    @Test("other paths get 404 with an OpenAI error")
    func otherPath() throws {
        let server = try ScriptedLLMServer { _ in "unused" }
        defer { server.stop() }
        let response = try HTTPTestClient(port: port(server)).request("/v1/models")
        #expect(response.status == 404)
        #expect(try response.json()["error"]?["type"] == .string("invalid_request_error"))
    }
}
