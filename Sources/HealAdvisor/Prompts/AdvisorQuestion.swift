import HealAnalysis

/// One question to the LLM, the same way for explanations and plans: the user message made
/// safe to send (anonymized, or at least scrubbed of secret-looking values with
/// `--no-anonymize`), the answer decoded, placeholders restored, and only answers that decode
/// kept in the cache.
enum AdvisorQuestion {
    enum Failure: Error {
        /// The endpoint could not answer (transport, status, open circuit).
        case unavailable(AdvisorError)
        /// It answered, but not in the shape asked for.
        case unusable(AnswerProblem)

        var reason: String {
            switch self {
            case .unavailable(let error): error.description
            case .unusable(let problem): problem.reason
            }
        }
    }

    static func ask<Value: Sendable>(
        _ messages: [ChatMessage], known: KnownIdentifiers?, service: ChatService,
        parse: @escaping @Sendable (String) throws(AnswerProblem) -> Value
    ) async -> Result<(value: Value, cached: Bool), Failure> {
        var anonymizer = known.map(Anonymizer.init(known:))
        let sent = messages.map { message -> ChatMessage in
            guard message.role == "user" else { return message }
            guard var masking = anonymizer else { return .user(SecretScrubber.scrub(message.content)) }
            defer { anonymizer = masking }
            return .user(masking.mask(message.content))
        }
        let answer: ChatAnswer
        do {
            answer = try await service.complete(ChatRequest(messages: sent, jsonMode: true)) { content in
                do {
                    _ = try parse(content)
                    return true
                } catch {
                    return false
                }
            }
        } catch {
            return .failure(.unavailable(error))
        }
        do {
            return .success((try parse(anonymizer?.restore(answer.content) ?? answer.content), answer.cached))
        } catch {
            return .failure(.unusable(error))
        }
    }
}
