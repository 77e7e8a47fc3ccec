import Foundation

/// Where chat completions are sent, derived from the base URL the user configured. Servers
/// differ in what they call the base: OpenAI, vLLM, llama.cpp and LocalAI serve `/v1/…`,
/// Ollama's OpenAI API is under `/v1` of its root, Azure OpenAI under `/openai/v1` or (the
/// classic API) `/openai/deployments/NAME`. So `/v1` is appended unless the path already ends
/// in a version (`/v1`, `/api/v2`), names an Azure deployment, or is the full
/// `…/chat/completions` URL. The query (Azure's `api-version`) is kept.
package struct ChatEndpoint: Sendable, Equatable {
    /// The base URL as configured.
    package let baseURL: String
    /// The exact URL requests go to (printed on failure).
    package let chatCompletionsURL: String

    package init(baseURL: String) throws(AdvisorError) {
        let trimmed = baseURL.trimmingCharacters(in: .whitespaces)
        guard var components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty
        else {
            throw .invalidBaseURL(baseURL, reason: "it is not an http:// or https:// URL with a host")
        }
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        if !path.hasSuffix("/chat/completions") {
            let last = path.split(separator: "/").last.map(String.init) ?? ""
            let versioned = last.wholeMatch(of: /v[0-9]+(alpha[0-9]*|beta[0-9]*)?/) != nil
            if !versioned && !path.contains("/deployments/") { path += "/v1" }
            path += "/chat/completions"
        }
        components.path = path
        guard let url = components.string else {
            throw .invalidBaseURL(baseURL, reason: "the chat completions URL cannot be built from it")
        }
        self.baseURL = trimmed
        chatCompletionsURL = url
    }

    /// The URL for messages: without user and password, if the base URL carried any.
    package var displayURL: String { Self.withoutCredentials(chatCompletionsURL) }

    /// `url` without `user:password@`. Textual, so that a URL too malformed to parse (the one
    /// an `invalidBaseURL` error names) loses it too.
    static func withoutCredentials(_ url: String) -> String {
        url.replacing(/(?<scheme>^[^\/]*\/\/)[^\/?#]*@/) { "\($0.output.scheme)" }
    }

    /// Azure OpenAI takes the key in an `api-key` header instead of `Authorization: Bearer`.
    package var isAzure: Bool {
        let host = URLComponents(string: chatCompletionsURL)?.host?.lowercased() ?? ""
        return host.hasSuffix(".openai.azure.com") || host.hasSuffix(".cognitiveservices.azure.com") || host.hasSuffix(".services.ai.azure.com")
    }
}
