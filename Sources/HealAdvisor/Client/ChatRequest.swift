/// What to ask: the messages, and whether the answer must be a JSON object.
package struct ChatRequest: Sendable, Equatable {
    package var messages: [ChatMessage]
    /// Asks for `response_format: json_object` where the server supports it. The prompt should
    /// ask for JSON as well: servers without JSON mode get the request without it.
    package var jsonMode: Bool
    package var maxTokens: Int?

    package init(messages: [ChatMessage], jsonMode: Bool = false, maxTokens: Int? = nil) {
        self.messages = messages
        self.jsonMode = jsonMode
        self.maxTokens = maxTokens
    }
}
