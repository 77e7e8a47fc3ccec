/// Tokens counted by the server, as its `usage` block reports them.
package struct TokenUsage: Sendable, Equatable, Codable {
    package var promptTokens: Int
    package var completionTokens: Int
    package var totalTokens: Int

    package init(promptTokens: Int, completionTokens: Int, totalTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
    }

    package static let zero = TokenUsage(promptTokens: 0, completionTokens: 0, totalTokens: 0)

    package static func + (lhs: TokenUsage, rhs: TokenUsage) -> TokenUsage {
        TokenUsage(
            promptTokens: lhs.promptTokens + rhs.promptTokens, completionTokens: lhs.completionTokens + rhs.completionTokens,
            totalTokens: lhs.totalTokens + rhs.totalTokens)
    }

    package static func += (lhs: inout TokenUsage, rhs: TokenUsage) {
        lhs = lhs + rhs
    }
}
