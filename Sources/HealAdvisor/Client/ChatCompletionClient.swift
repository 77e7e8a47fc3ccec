import Foundation
import HealHTTP
import Logging

/// Asks one OpenAI-compatible endpoint for chat completions: JSON mode where the server has it,
/// bounded retries for throttling and 5xx, and a circuit breaker so that a dead or misconfigured
/// endpoint costs one failure per run, not one per question.
package actor ChatCompletionClient {
    package nonisolated let configuration: LLMConfiguration
    private let http: HTTPClient
    private let logger: Logger
    private let breaker: CircuitBreaker
    /// Cleared by the first 400 that complains about `response_format`; later requests leave it out.
    private var sendsJSONMode = true
    private var counts = LLMStatistics()

    package init(
        configuration: LLMConfiguration, http: HTTPClient = HTTPClient(), logger: Logger,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        self.configuration = configuration
        self.http = http
        self.logger = logger
        breaker = CircuitBreaker(concurrency: configuration.concurrency, reopenAfter: configuration.reopenAfter, now: now)
    }

    package var statistics: LLMStatistics { counts }

    package func complete(_ request: ChatRequest) async throws(AdvisorError) -> ChatAnswer {
        do {
            let answer = try await completeAdmitted(request)
            counts.answers += 1
            counts.usage += answer.usage
            return answer
        } catch {
            if error != .cancelled { counts.failures += 1 }
            throw error
        }
    }

    /// Waits for the breaker, then reports the outcome back to it.
    private func completeAdmitted(_ request: ChatRequest) async throws(AdvisorError) -> ChatAnswer {
        let permit = try await breaker.acquire()
        guard !Task.isCancelled else {
            breaker.released(permit)
            throw .cancelled
        }
        do {
            let answer = try await exchange(request)
            breaker.succeeded(permit)
            return answer
        } catch {
            if Self.opensCircuit(error) {
                breaker.failed(permit, cause: error.description)
            } else {
                breaker.released(permit)
            }
            throw error
        }
    }

    /// Failures that every other call would meet as well.
    private static func opensCircuit(_ error: AdvisorError) -> Bool {
        switch error {
        case .transport, .retriesExhausted: true
        case .httpStatus(_, let status, _): [401, 403, 404].contains(status)
        default: false
        }
    }

    /// One call: the request, its retries and the JSON-mode fallback.
    private func exchange(_ request: ChatRequest) async throws(AdvisorError) -> ChatAnswer {
        let url = configuration.endpoint.displayURL
        let retry = configuration.retry
        var attempt = 1
        while true {
            let jsonMode = request.jsonMode && sendsJSONMode
            let outgoing = try httpRequest(request, jsonMode: jsonMode)
            let started = ContinuousClock.now
            let response: HTTPResponse
            do {
                counts.requestsSent += 1
                response = try await http.send(outgoing)
            } catch {
                if case .cancelled = error { throw .cancelled }
                if Task.isCancelled { throw .cancelled }
                let failure = AdvisorError.transport(Self.shown(error, url: url))
                logger.debug("POST \(url) failed in \(started.duration(to: .now).formattedSeconds): \(failure)")
                // A lost connection (a keep-alive the server closed) is worth another attempt;
                // a timeout or an unreachable server is not: each would cost the same again.
                guard retry.shouldRetry(error, idempotent: true), attempt < retry.maxAttempts else { throw failure }
                try await pause(retry.delay(beforeAttempt: attempt, retryAfter: nil))
                attempt += 1
                continue
            }
            let elapsed = started.duration(to: .now).formattedSeconds
            let status = response.status
            if (200..<300).contains(status) {
                let answer = try decode(response.body, url: url)
                logger.debug("POST \(url) -> \(status) in \(elapsed), \(answer.usage.totalTokens) tokens")
                return answer
            }
            logger.debug("POST \(url) -> \(status) in \(elapsed)")
            if status == 400, jsonMode, Self.rejectsJSONMode(response.body) {
                // Not a retry: the same question without the option the server does not know.
                logger.debug("\(url) has no JSON mode; asking without response_format from now on")
                sendsJSONMode = false
                continue
            }
            let retryAfter = response.headers.value(for: "Retry-After")
            // Asking again is safe: a completion changes nothing on the server.
            if retry.shouldRetry(status: status, idempotent: true, hasRetryAfter: retryAfter != nil) {
                guard attempt < retry.maxAttempts else {
                    throw .retriesExhausted(url: url, status: status, attempts: attempt)
                }
                let delay = retry.delay(beforeAttempt: attempt, retryAfter: retryAfter)
                logger.debug("POST \(url) -> \(status), asking again in \(delay.formattedSeconds)")
                try await pause(delay)
                attempt += 1
                continue
            }
            throw .httpStatus(url: url, status: status, message: serverMessage(response.body))
        }
    }

    private func httpRequest(_ request: ChatRequest, jsonMode: Bool) throws(AdvisorError) -> HTTPRequest {
        let body = ChatCompletionWire.RequestBody(
            model: configuration.model, messages: request.messages, temperature: 0,
            responseFormat: jsonMode ? .init(type: "json_object") : nil, maxTokens: request.maxTokens)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(body)
        } catch {
            // Strings and integers always encode; this names the impossible rather than hiding it.
            throw .invalidSetting(name: "the request body", reason: "it cannot be encoded as JSON (\(error))")
        }
        return HTTPRequest(
            method: "POST", url: configuration.endpoint.chatCompletionsURL, headers: configuration.requestHeaders, body: data,
            timeout: configuration.timeout, connectTimeout: min(configuration.timeout, .seconds(10)))
    }

    private func decode(_ body: Data, url: String) throws(AdvisorError) -> ChatAnswer {
        do {
            let completion = try JSONDecoder().decode(ChatCompletionWire.Completion.self, from: body)
            return ChatAnswer(content: completion.content, usage: completion.usage ?? .zero, cached: false)
        } catch let error as DecodingError {
            throw .invalidAnswer(url: url, detail: ChatCompletionWire.describe(error))
        } catch {
            throw .invalidAnswer(url: url, detail: "\(error)")
        }
    }

    /// Sleeps between attempts; cancellation ends the call.
    private func pause(_ delay: Duration) async throws(AdvisorError) {
        do {
            try await Task.sleep(for: delay)
        } catch {
            throw .cancelled
        }
    }

    /// Whether a 400 says the server does not know `response_format` / JSON mode.
    private static func rejectsJSONMode(_ body: Data) -> Bool {
        let text = String(decoding: body, as: UTF8.self).lowercased()
        return ["response_format", "json_object", "json mode", "json_mode"].contains(where: text.contains)
    }

    /// The server's explanation of an error status: `error.message` when the body has one,
    /// else the start of the body; on one line, at most 200 characters, and without the key or
    /// an extra header's value should the server echo them.
    private func serverMessage(_ body: Data) -> String {
        var message: String
        do {
            message = try JSONDecoder().decode(ChatCompletionWire.ErrorBody.self, from: body).message ?? String(decoding: body, as: UTF8.self)
        } catch {
            // Not an OpenAI-style error (a proxy's HTML page, plain text): the body speaks for itself.
            message = String(decoding: body, as: UTF8.self)
        }
        let secrets = ([configuration.apiKey?.value].compactMap { $0 } + configuration.headers.map(\.value)).filter { $0.count >= 8 }
        for secret in secrets { message = message.replacingOccurrences(of: secret, with: "<redacted>") }
        let oneLine = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return oneLine.count > 200 ? String(oneLine.prefix(200)) + "…" : oneLine
    }

    /// The transport error naming the URL without credentials the base URL may carry.
    private static func shown(_ error: HTTPError, url: String) -> HTTPError {
        switch error {
        case .unreachable(_, let detail): .unreachable(url: url, detail: detail)
        case .tlsFailure(_, let detail): .tlsFailure(url: url, detail: detail)
        case .timedOut(_, let after): .timedOut(url: url, after: after)
        case .connectionLost(_, let detail): .connectionLost(url: url, detail: detail)
        case .cancelled: .cancelled(url: url)
        case .invalidRequest(_, let detail): .invalidRequest(url: url, detail: detail)
        }
    }
}
