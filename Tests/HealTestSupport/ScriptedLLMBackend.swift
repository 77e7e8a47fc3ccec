import Dispatch
import Foundation
import Synchronization

/// The model behind `ScriptedLLMServer`: answers chat completions with a caller-given
/// function, after a latency, counting how many it answers at once. Runs on the connection
/// threads, so sleeping here is what a slow model looks like to the client.
final class ScriptedLLMBackend: RequestBackend {
    private let latency: Duration
    private let rejectsJSONMode: Bool
    private let answer: @Sendable (RecordedChat) -> String
    private let state = Mutex(State())
    /// Entered until `stop()`: waiting on it is a latency that ends early when the server stops.
    private let stopSignal = DispatchGroup()

    private struct State {
        var answering = 0
        var mostAnswering = 0
        var stopped = false
    }

    init(latency: Duration, rejectsJSONMode: Bool, answer: @escaping @Sendable (RecordedChat) -> String) {
        self.latency = latency
        self.rejectsJSONMode = rejectsJSONMode
        self.answer = answer
        stopSignal.enter()
    }

    var maxConcurrentRequests: Int { state.withLock { $0.mostAnswering } }

    func stop() {
        let first = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        if first { stopSignal.leave() }
    }

    func respond(to request: RecordedRequest) -> BackendReply {
        guard request.method == "POST", request.path == ScriptedLLMServer.chatPath else {
            return .complete(Self.wire(ScriptedLLMServer.errorBody(
                message: "no route for \(request.method) \(request.path)", type: "invalid_request_error"), status: 404))
        }
        let chat: RecordedChat
        do {
            chat = try RecordedChat(request: request)
        } catch {
            return .complete(Self.wire(ScriptedLLMServer.errorBody(
                message: "the body is not a chat completions request: \(error)", type: "invalid_request_error"), status: 400))
        }
        if rejectsJSONMode, chat.jsonMode {
            return .complete(Self.wire(ScriptedLLMServer.errorBody(
                message: "response_format json_object is not supported by this model", type: "invalid_request_error",
                param: "response_format"), status: 400))
        }
        state.withLock { state in
            state.answering += 1
            state.mostAnswering = max(state.mostAnswering, state.answering)
        }
        defer { state.withLock { $0.answering -= 1 } }
        if latency > .zero {
            let (seconds, attoseconds) = latency.components
            let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
            _ = stopSignal.wait(timeout: .now() + .nanoseconds(nanoseconds))
        }
        let content = answer(chat)
        let prompt = chat.messages.reduce(0) { $0 + $1.content.count }
        return .complete(Self.wire(ScriptedLLMServer.completionBody(
            content: content, model: chat.model, promptTokens: Self.tokens(prompt), completionTokens: Self.tokens(content.count)), status: 200))
    }

    /// Roughly what tokenizers give for English: four characters a token.
    static func tokens(_ characters: Int) -> Int {
        max(1, (characters + 3) / 4)
    }

    private static func wire(_ body: String, status: Int) -> WireResponse {
        WireResponse(status: status, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
    }
}
