import Foundation

/// The JSON shapes of the chat completions API, as far as this client reads and writes them.
enum ChatCompletionWire {
    struct RequestBody: Encodable {
        struct ResponseFormat: Encodable {
            let type: String
        }

        let model: String
        let messages: [ChatMessage]
        /// Deterministic answers: the same finding gets the same explanation (and the cache
        /// stays meaningful).
        let temperature: Int
        let responseFormat: ResponseFormat?
        let maxTokens: Int?

        enum CodingKeys: String, CodingKey {
            case model, messages, temperature
            case responseFormat = "response_format"
            case maxTokens = "max_tokens"
        }
    }

    /// A completion: only the first choice's content and the usage are read, so that extra
    /// choices or fields of other servers do not matter.
    struct Completion: Decodable {
        let content: String
        let usage: TokenUsage?

        private enum CodingKeys: String, CodingKey {
            case choices, usage
        }

        private struct Choice: Decodable {
            struct Message: Decodable {
                let content: String
            }

            let message: Message
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            var choices = try container.nestedUnkeyedContainer(forKey: .choices)
            guard !choices.isAtEnd else {
                throw DecodingError.dataCorrupted(.init(codingPath: choices.codingPath, debugDescription: "there are no choices"))
            }
            content = try choices.decode(Choice.self).message.content
            usage = try container.decodeIfPresent(Usage.self, forKey: .usage)?.tokenUsage
        }
    }

    /// OpenAI requires all three counts; some servers leave out the total or do not count at
    /// all, and then the missing counts are reported as 0 rather than failing a good answer.
    struct Usage: Decodable {
        let promptTokens: Int?
        let completionTokens: Int?
        let totalTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
            case totalTokens = "total_tokens"
        }

        var tokenUsage: TokenUsage {
            let prompt = promptTokens ?? 0
            let completion = completionTokens ?? 0
            return TokenUsage(promptTokens: prompt, completionTokens: completion, totalTokens: totalTokens ?? prompt + completion)
        }
    }

    /// `{"error": {"message": …}}` (OpenAI, Azure, vLLM, Ollama), `{"error": "…"}` (some
    /// proxies) or `{"message": …}`.
    struct ErrorBody: Decodable {
        let message: String?

        private enum CodingKeys: String, CodingKey {
            case error, message
        }

        private struct Detail: Decodable {
            let message: String?
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let errorMessage: String?
            do {
                errorMessage = try container.decodeIfPresent(String.self, forKey: .error)
            } catch DecodingError.typeMismatch {
                // Not a string: the usual object form.
                errorMessage = try container.decodeIfPresent(Detail.self, forKey: .error)?.message
            }
            message = try errorMessage ?? container.decodeIfPresent(String.self, forKey: .message)
        }
    }

    /// "at `choices[0].message.content`: expected a string", from a decoding error's path.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        func at(_ codingPath: [any CodingKey]) -> String {
            codingPath.isEmpty ? "at the top level" : "at `\(path(codingPath))`"
        }
        func kind(_ type: Any.Type) -> String {
            switch type {
            case is String.Type: "a string"
            case is Int.Type: "an integer"
            default: "\(type)".lowercased().hasPrefix("array") ? "an array" : "an object"
            }
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(at(context.codingPath)): expected \(kind(type))"
        case .valueNotFound(let type, let context):
            return "\(at(context.codingPath)): expected \(kind(type)), found null"
        case .keyNotFound(let key, let context):
            return "\(at(context.codingPath)): `\(key.stringValue)` is missing"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the body is not JSON" : "\(at(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
