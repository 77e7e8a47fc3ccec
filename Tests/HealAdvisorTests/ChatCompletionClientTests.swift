import Foundation
import HealHTTP
import HealTestSupport
import Testing

@testable import HealAdvisor

@Suite("The chat completions client speaks the OpenAI protocol", .timeLimit(.minutes(1)))
struct ChatCompletionClientTests {
    @Test("the first choice's content and the usage are decoded")
    func answer() async throws {
        let server = try ScriptedLLMServer { chat in "echo: \(chat.lastContent() ?? "")" }
        defer { server.stop() }
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL))

        let answer = try await client.complete(LLMTestClients.question)

        #expect(answer.content == "echo: Why is pod web-1 OOMKilled?")
        #expect(answer.cached == false)
        let prompt = LLMTestClients.question.messages.reduce(0) { $0 + $1.content.count }
        #expect(answer.usage.promptTokens == (prompt + 3) / 4)
        #expect(answer.usage.totalTokens == answer.usage.promptTokens + answer.usage.completionTokens)
        let statistics = await client.statistics
        #expect(statistics == LLMStatistics(requestsSent: 1, answers: 1, cachedAnswers: 0, failures: 0, usage: answer.usage))
    }

    @Test("the request carries the model, the messages, temperature 0, JSON mode, max_tokens and the bearer key")
    func requestBody() async throws {
        let server = try ScriptedLLMServer { _ in "{}" }
        defer { server.stop() }
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL, model: "qwen2.5:7b"))
        var question = LLMTestClients.jsonQuestion
        question.maxTokens = 300

        _ = try await client.complete(question)

        let chat = try #require(server.chats.first)
        #expect(chat.model == "qwen2.5:7b")
        #expect(chat.messages.map(\.role) == ["system", "user"])
        #expect(chat.messages.map(\.content) == question.messages.map(\.content))
        #expect(chat.temperature == 0)
        #expect(chat.jsonMode)
        #expect(chat.body.contains(#""response_format":{"type":"json_object"}"#))
        #expect(chat.maxTokens == 300)
        #expect(chat.headers["authorization"] == "Bearer sk-test-0123456789")
        #expect(chat.headers["content-type"] == "application/json")
        #expect(server.requests.first?.path == "/v1/chat/completions")
    }

    @Test("a request without JSON mode or a token limit sends neither")
    func plainBody() async throws {
        let server = try ScriptedLLMServer { _ in "fine" }
        defer { server.stop() }
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL, apiKey: nil))

        _ = try await client.complete(LLMTestClients.question)

        let chat = try #require(server.chats.first)
        #expect(!chat.body.contains("response_format"))
        #expect(!chat.body.contains("max_tokens"))
        #expect(chat.headers["authorization"] == nil)
    }

    @Test("a server without JSON mode gets the question again without it, and never again with it")
    func jsonModeFallback() async throws {
        let server = try ScriptedLLMServer(rejectsJSONMode: true) { _ in #"{"ok": true}"# }
        defer { server.stop() }
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL))

        let first = try await client.complete(LLMTestClients.jsonQuestion)
        #expect(first.content == #"{"ok": true}"#)
        #expect(server.chats.map(\.jsonMode) == [true, false])

        _ = try await client.complete(LLMTestClients.jsonQuestion)
        #expect(server.chats.map(\.jsonMode) == [true, false, false])
        #expect(await client.statistics.requestsSent == 3)
    }

    @Test("an unrelated 400 is not taken for a missing JSON mode and fails only its call")
    func otherBadRequest() async throws {
        let server = try ScriptedLLMServer { _ in "later" }
        defer { server.stop() }
        server.script([ScriptedLLMServer.error(status: 400, message: "This model's maximum context length is 8192 tokens", type: "invalid_request_error")])
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL))

        let error = await #expect(throws: AdvisorError.self) { try await client.complete(LLMTestClients.jsonQuestion) }
        #expect(error == .httpStatus(
            url: "\(server.baseURL)/v1/chat/completions", status: 400, message: "This model's maximum context length is 8192 tokens"))
        #expect(try await client.complete(LLMTestClients.jsonQuestion).content == "later")
        #expect(server.chats.map(\.jsonMode) == [true, true])
    }

    @Test("429 with Retry-After is waited out and asked again")
    func throttled() async throws {
        let server = try ScriptedLLMServer { _ in "after the pause" }
        defer { server.stop() }
        server.script([ScriptedLLMServer.error(status: 429, message: "Rate limit reached", type: "requests", retryAfter: 1)])
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL))

        let answer = try await client.complete(LLMTestClients.question)

        #expect(answer.content == "after the pause")
        #expect(server.chats.count == 2)
        #expect(await client.statistics.requestsSent == 2)
    }

    @Test("a server failing on every attempt gives up after maxAttempts, naming the status")
    func retriesExhausted() async throws {
        let server = try ScriptedLLMServer { _ in "never" }
        defer { server.stop() }
        let failure = ScriptedLLMServer.error(status: 500, message: "The server had an error", type: "server_error")
        server.script([failure, failure, failure])
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL))

        await #expect(throws: AdvisorError.retriesExhausted(url: "\(server.baseURL)/v1/chat/completions", status: 500, attempts: 3)) {
            try await client.complete(LLMTestClients.question)
        }
        #expect(server.chats.count == 3)
        #expect(await client.statistics.failures == 1)
    }

    @Test("a connection lost before the answer is asked again")
    func connectionLost() async throws {
        let server = try ScriptedLLMServer { _ in "second time lucky" }
        defer { server.stop() }
        server.script([.dropConnection])
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL))

        #expect(try await client.complete(LLMTestClients.question).content == "second time lucky")
        #expect(server.chats.count == 2)
    }

    @Test(
        "a 2xx that is not a chat completion with string content is an invalid answer and leaves the circuit closed",
        arguments: [
            (#"{"id": "x", "choices": [{"message": {"role": "assistant", "content": "fine"}}"#, "the body is not JSON"),
            (#"{"id": "x", "object": "chat.completion"}"#, "at the top level: `choices` is missing"),
            (#"{"choices": []}"#, "at `choices`: there are no choices"),
            (#"{"choices": [{"message": {"role": "assistant", "content": null, "tool_calls": []}}]}"#,
             "at `choices[0].message.content`: expected a string, found null"),
            (#"{"choices": [{"message": {"role": "assistant", "content": [{"type": "text"}]}}]}"#,
             "at `choices[0].message.content`: expected a string"),
        ])
    func invalidAnswer(body: String, detail: String) async throws {
        let server = try ScriptedLLMServer { _ in "the next one is fine" }
        defer { server.stop() }
        server.script([.json(body)])
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL))

        await #expect(throws: AdvisorError.invalidAnswer(url: "\(server.baseURL)/v1/chat/completions", detail: detail)) {
            try await client.complete(LLMTestClients.question)
        }
        #expect(try await client.complete(LLMTestClients.question).content == "the next one is fine")
    }

    @Test("a missing usage block counts as zero tokens")
    func noUsage() async throws {
        let server = try ScriptedLLMServer { _ in "unused" }
        defer { server.stop() }
        server.script([.json(#"{"choices": [{"index": 0, "message": {"role": "assistant", "content": "no counts"}}]}"#)])
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL))

        #expect(try await client.complete(LLMTestClients.question) == ChatAnswer(content: "no counts", usage: .zero, cached: false))
    }

    @Test("an error status carries the server's message on one line, without the key it may echo")
    func serverMessage() async throws {
        let server = try ScriptedLLMServer { _ in "unused" }
        defer { server.stop() }
        server.script([
            ScriptedLLMServer.error(status: 401, message: "Incorrect API key provided: sk-test-0123456789.\nSee the docs.", type: "invalid_request_error"),
        ])
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL))

        await #expect(throws: AdvisorError.httpStatus(
            url: "\(server.baseURL)/v1/chat/completions", status: 401, message: "Incorrect API key provided: <redacted>. See the docs.")) {
            try await client.complete(LLMTestClients.question)
        }
    }

    @Test("a body that is not an OpenAI error is quoted, at most 200 characters")
    func plainErrorBody() async throws {
        let server = try ScriptedLLMServer { _ in "unused" }
        defer { server.stop() }
        server.script([.text(String(repeating: "gateway trouble ", count: 30), status: 418)])
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL))

        let error = await #expect(throws: AdvisorError.self) { try await client.complete(LLMTestClients.question) }
        guard case .httpStatus(_, 418, let message) = error else {
            Issue.record("expected an HTTP status error, got \(String(describing: error))")
            return
        }
        #expect(message.hasPrefix("gateway trouble gateway trouble"))
        #expect(message.count == 201)
    }

    @Test("the debug log names the URL, status and tokens, never the key or the messages")
    func logging() async throws {
        let server = try ScriptedLLMServer { _ in "logged answer" }
        defer { server.stop() }
        let (logger, lines) = RecordingLogHandler.logger()
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL), logger: logger)

        _ = try await client.complete(LLMTestClients.question)

        let log = lines.all.joined(separator: "\n")
        #expect(log.contains("POST \(server.baseURL)/v1/chat/completions -> 200"))
        #expect(log.contains("tokens"))
        for secret in ["sk-test-0123456789", "OOMKilled", "logged answer", "Bearer"] {
            #expect(!log.contains(secret))
        }
    }
}
