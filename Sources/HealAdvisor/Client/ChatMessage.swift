/// One message of a conversation, as the chat completions API takes it.
package struct ChatMessage: Sendable, Equatable, Codable {
    /// `system`, `user` or `assistant`.
    package var role: String
    package var content: String

    package init(role: String, content: String) {
        self.role = role
        self.content = content
    }

    package static func system(_ content: String) -> ChatMessage { ChatMessage(role: "system", content: content) }
    package static func user(_ content: String) -> ChatMessage { ChatMessage(role: "user", content: content) }
}
