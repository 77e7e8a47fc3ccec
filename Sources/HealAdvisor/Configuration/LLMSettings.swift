/// The LLM settings as the command line gives them, before the environment is consulted and
/// anything is validated (`LLMConfiguration.resolve` does both).
package struct LLMSettings: Sendable, Equatable {
    /// `--llm-base-url`
    package var baseURL: String?
    /// `--llm-model`
    package var model: String?
    /// `--llm-header`, each `Name: value`.
    package var headers: [String]
    /// `--llm-timeout`: the limit for one request, connection included.
    package var timeout: Duration
    /// `--llm-concurrency`: requests in flight at once once the endpoint has answered.
    package var concurrency: Int

    package init(
        baseURL: String? = nil, model: String? = nil, headers: [String] = [], timeout: Duration = .seconds(60), concurrency: Int = 4
    ) {
        self.baseURL = baseURL
        self.model = model
        self.headers = headers
        self.timeout = timeout
        self.concurrency = concurrency
    }
}
