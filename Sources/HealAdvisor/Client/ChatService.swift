/// The client with the answer cache in front: a question asked before is answered from disk
/// at no cost. The cache is an optimisation, so a cache that cannot be written is reported
/// once (`cacheProblem`) and never fails a call.
package actor ChatService {
    private let client: ChatCompletionClient
    private let cache: AnswerCache?
    private var cachedAnswers = 0
    /// The first failure to store an answer, for a warning at the end of the run.
    package private(set) var cacheProblem: String?

    package init(client: ChatCompletionClient, cache: AnswerCache?) {
        self.client = client
        self.cache = cache
    }

    /// `isUsable` says whether the caller can use an answer: only usable answers are cached (a
    /// garbled one would otherwise be served on every later run), and a cached entry that is
    /// not usable counts as a miss.
    package func complete(_ request: ChatRequest, isUsable: @Sendable (String) -> Bool = { _ in true }) async throws(AdvisorError) -> ChatAnswer {
        guard let cache else { return try await client.complete(request) }
        let configuration = client.configuration
        let key = cache.key(endpoint: configuration.endpoint, model: configuration.model, request: request)
        if let entry = await BlockingWork.run({ cache.answer(for: key) }), isUsable(entry.content) {
            cachedAnswers += 1
            return ChatAnswer(content: entry.content, usage: .zero, cached: true)
        }
        let answer = try await client.complete(request)
        guard isUsable(answer.content) else { return answer }
        let stored = await BlockingWork.run { () -> Result<Void, AdvisorError> in
            do throws(AdvisorError) {
                try cache.store(answer, model: configuration.model, for: key)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        if case .failure(let error) = stored, cacheProblem == nil {
            cacheProblem = error.description
        }
        return answer
    }

    /// The model every answer comes from.
    package var model: String { client.configuration.model }

    /// The client's figures plus the answers served from the cache.
    package var statistics: LLMStatistics {
        get async {
            var statistics = await client.statistics
            statistics.cachedAnswers = cachedAnswers
            return statistics
        }
    }
}
