import Foundation

/// An OpenAI-compatible chat completions server on 127.0.0.1 for tests. Every request to
/// `POST /v1/chat/completions` that no script claims is answered with a well-formed completion
/// whose content is `answer(chat)`, after `latency`; scripts play errors, throttling, slow or
/// dropped connections first.
///
/// ```swift
/// let server = try ScriptedLLMServer { chat in #"{"summary": "ok"}"# }
/// defer { server.stop() }
/// server.script([ScriptedLLMServer.error(status: 429, message: "slow down", type: "rate_limit_error", retryAfter: 1)])
/// // … point the client at server.baseURL …
/// #expect(server.chats.count == 2)
/// ```
package final class ScriptedLLMServer: Sendable {
    package static let chatPath = "/v1/chat/completions"

    /// `http://127.0.0.1:<port>`, without `/v1`, as a user would configure it.
    package let baseURL: String
    private let server: FakeAPIServer
    private let backend: ScriptedLLMBackend

    /// `rejectsJSONMode`: requests carrying `response_format` get the 400 servers without JSON
    /// mode send.
    package init(
        latency: Duration = .zero, rejectsJSONMode: Bool = false, answer: @escaping @Sendable (RecordedChat) -> String
    ) throws {
        let backend = ScriptedLLMBackend(latency: latency, rejectsJSONMode: rejectsJSONMode, answer: answer)
        server = try FakeAPIServer(backend: backend)
        self.backend = backend
        baseURL = "http://127.0.0.1:\(server.port)"
    }

    // The latency must end before the listener waits for the connection threads.
    deinit { backend.stop() }

    /// Stops answering: latencies end, connections close, the port is released. Idempotent.
    package func stop() {
        backend.stop()
        server.stop()
    }

    /// Queues responses for the next chat completions requests, in order.
    package func script(_ responses: [ScriptedResponse]) {
        server.script(method: "POST", path: Self.chatPath, responses: responses)
    }

    /// Every request received, chat completions or not, scripted or not.
    package var requests: [RecordedRequest] { server.requests }

    /// The chat completions requests received (scripted ones included), in order. A body that
    /// is not a chat request is left out here (the server answered it 400); `requests` has it.
    package var chats: [RecordedChat] {
        server.requests(path: Self.chatPath, method: "POST").compactMap { request in
            do {
                return try RecordedChat(request: request)
            } catch {
                return nil
            }
        }
    }

    /// The most chat requests answered by `answer` at the same time.
    package var maxConcurrentRequests: Int { backend.maxConcurrentRequests }

    /// A 200 chat completion with this content, for scripts.
    package static func completion(content: String, model: String = "scripted-model") -> ScriptedResponse {
        .json(completionBody(
            content: content, model: model, promptTokens: 10, completionTokens: ScriptedLLMBackend.tokens(content.count)))
    }

    /// An error status with OpenAI's error body, and `Retry-After` when given.
    package static func error(status: Int, message: String, type: String, retryAfter: Int? = nil) -> ScriptedResponse {
        .json(errorBody(message: message, type: type), status: status, headers: retryAfter.map { ["Retry-After": String($0)] } ?? [:])
    }

    static func completionBody(content: String, model: String, promptTokens: Int, completionTokens: Int) -> String {
        let body = CompletionBody(
            id: "chatcmpl-scripted", object: "chat.completion", created: 1_767_225_600, model: model,
            choices: [.init(index: 0, message: .init(role: "assistant", content: content), finishReason: "stop")],
            usage: .init(promptTokens: promptTokens, completionTokens: completionTokens, totalTokens: promptTokens + completionTokens))
        return encoded(body)
    }

    static func errorBody(message: String, type: String, param: String? = nil) -> String {
        encoded(ErrorBody(error: .init(message: message, type: type, param: param, code: nil)))
    }

    private static func encoded(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            preconditionFailure("ScriptedLLMServer: cannot encode a response: \(error)")
        }
    }

    private struct CompletionBody: Encodable {
        struct Choice: Encodable {
            struct Message: Encodable {
                let role: String
                let content: String
            }

            let index: Int
            let message: Message
            let finishReason: String

            enum CodingKeys: String, CodingKey {
                case index, message
                case finishReason = "finish_reason"
            }
        }

        struct Usage: Encodable {
            let promptTokens: Int
            let completionTokens: Int
            let totalTokens: Int

            enum CodingKeys: String, CodingKey {
                case promptTokens = "prompt_tokens"
                case completionTokens = "completion_tokens"
                case totalTokens = "total_tokens"
            }
        }

        let id: String
        let object: String
        let created: Int
        let model: String
        let choices: [Choice]
        let usage: Usage
    }

    /// `param` and `code` are sent as null when absent, as OpenAI does.
    private struct ErrorBody: Encodable {
        struct Detail: Encodable {
            let message: String
            let type: String
            let param: String?
            let code: String?

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(message, forKey: .message)
                try container.encode(type, forKey: .type)
                try container.encode(param, forKey: .param)
                try container.encode(code, forKey: .code)
            }

            enum CodingKeys: String, CodingKey {
                case message, type, param, code
            }
        }

        let error: Detail
    }
}
