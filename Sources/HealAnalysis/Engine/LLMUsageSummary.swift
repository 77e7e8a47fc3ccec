/// What the LLM cost and gave in one run (`diagnose --explain`): the report's `llm` block.
package struct LLMUsageSummary: Codable, Sendable, Equatable {
    package var model: String
    /// The exact chat completions URL (without credentials).
    package var endpoint: String
    package var anonymized: Bool
    /// Findings that got an explanation, and how many of those came from the answer cache.
    package var explained: Int
    package var cached: Int
    /// Findings left with the rule-based result only.
    package var failed: Int
    /// HTTP requests sent (retries included) and the tokens they used.
    package var requests: Int
    package var promptTokens: Int
    package var completionTokens: Int

    package init(model: String, endpoint: String, anonymized: Bool, explained: Int, cached: Int, failed: Int, requests: Int, promptTokens: Int, completionTokens: Int) {
        self.model = model
        self.endpoint = endpoint
        self.anonymized = anonymized
        self.explained = explained
        self.cached = cached
        self.failed = failed
        self.requests = requests
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }
}
