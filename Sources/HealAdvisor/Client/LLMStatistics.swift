/// What talking to the LLM cost in a run, for the summary line and `-o json`.
package struct LLMStatistics: Sendable, Equatable {
    /// HTTP requests sent, retries and the JSON-mode fallback included.
    package var requestsSent: Int
    /// Calls answered by the endpoint.
    package var answers: Int
    /// Calls answered from the cache, without a request.
    package var cachedAnswers: Int
    /// Calls that ended in an error (a refused call of an open circuit included, a cancelled
    /// one not).
    package var failures: Int
    /// Tokens of the endpoint's answers (cached ones cost none).
    package var usage: TokenUsage

    package init(requestsSent: Int = 0, answers: Int = 0, cachedAnswers: Int = 0, failures: Int = 0, usage: TokenUsage = .zero) {
        self.requestsSent = requestsSent
        self.answers = answers
        self.cachedAnswers = cachedAnswers
        self.failures = failures
        self.usage = usage
    }
}
