/// The assistant's reply. A cached answer cost nothing this run, so its usage is zero.
package struct ChatAnswer: Sendable, Equatable {
    package var content: String
    package var usage: TokenUsage
    package var cached: Bool

    package init(content: String, usage: TokenUsage, cached: Bool = false) {
        self.content = content
        self.usage = usage
        self.cached = cached
    }
}
