import Foundation

/// A chat completions request as `ScriptedLLMServer` received it.
package struct RecordedChat: Sendable, Equatable {
    package struct Message: Sendable, Equatable, Decodable {
        package let role: String
        package let content: String
    }

    package let model: String
    package let messages: [Message]
    /// Whether the request carried `response_format` (JSON mode).
    package let jsonMode: Bool
    package let temperature: Double?
    package let maxTokens: Int?
    /// Lower-cased names, as `RecordedRequest` keeps them.
    package let headers: [String: String]
    /// The body as sent.
    package let body: String

    private struct Body: Decodable {
        struct ResponseFormat: Decodable {
            let type: String
        }

        let model: String
        let messages: [Message]
        let temperature: Double?
        let responseFormat: ResponseFormat?
        let maxTokens: Int?

        enum CodingKeys: String, CodingKey {
            case model, messages, temperature
            case responseFormat = "response_format"
            case maxTokens = "max_tokens"
        }
    }

    /// Throws when the body is not a chat completions request with string contents.
    package init(request: RecordedRequest) throws {
        let decoded = try JSONDecoder().decode(Body.self, from: request.body)
        model = decoded.model
        messages = decoded.messages
        jsonMode = decoded.responseFormat != nil
        temperature = decoded.temperature
        maxTokens = decoded.maxTokens
        headers = request.headers
        body = request.bodyText
    }

    /// The content of the last message with `role` ("user" by default), or nil.
    package func lastContent(role: String = "user") -> String? {
        messages.last { $0.role == role }?.content
    }
}
