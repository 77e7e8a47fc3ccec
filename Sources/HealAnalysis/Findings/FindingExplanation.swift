/// What an LLM added to a finding with `diagnose --explain`: a short explanation in plain words
/// and the steps to fix it, restored from placeholders to the cluster's real names.
package struct FindingExplanation: Codable, Sendable, Equatable {
    package var summary: String
    package var steps: [String]
    package var model: String
    /// Served from the answer cache (no call was made for it in this run).
    package var cached: Bool

    package init(summary: String, steps: [String], model: String, cached: Bool) {
        self.summary = summary
        self.steps = steps
        self.model = model
        self.cached = cached
    }
}
