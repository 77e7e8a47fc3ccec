import Foundation
import HealHTTP

/// Why the LLM could not be configured or could not answer. Each case names the URL or the
/// setting; the CLI's presenter adds the hint and the exit code. No case carries a key, a
/// header value or the content of a prompt.
package enum AdvisorError: Error, Sendable, Equatable {
    /// `--llm-base-url` / `KUBECTL_HEAL_LLM_BASE_URL` / `OPENAI_BASE_URL` is not a usable URL.
    case invalidBaseURL(String, reason: String)
    /// A base URL is configured but no model (`--llm-model`, `KUBECTL_HEAL_LLM_MODEL`).
    case modelMissing(baseURL: String)
    /// An extra header is not `Name: value`. `name` is the part before the colon (nil when there
    /// is no colon); the value is never kept, since it is usually a credential.
    case invalidHeader(source: String, name: String?)
    /// A setting out of range, e.g. `--llm-concurrency 0`.
    case invalidSetting(name: String, reason: String)
    /// The endpoint could not be reached or did not answer in time.
    case transport(HTTPError)
    /// The endpoint answered with an error status; `message` is the server's own explanation.
    case httpStatus(url: String, status: Int, message: String)
    /// Throttled or failing on every attempt.
    case retriesExhausted(url: String, status: Int, attempts: Int)
    /// An earlier failure showed the endpoint unusable; nothing was sent. `cause` describes it.
    case circuitOpen(cause: String)
    /// A 2xx whose body is not a chat completion with a string `content`.
    case invalidAnswer(url: String, detail: String)
    /// The answer cache could not be written (the answer itself was fine).
    case cacheUnwritable(path: String, detail: String)
    case cancelled
}

extension AdvisorError: CustomStringConvertible {
    package var description: String {
        switch self {
        case .invalidBaseURL(let url, let reason):
            "the LLM base URL \"\(ChatEndpoint.withoutCredentials(url))\" cannot be used: \(reason)"
        case .modelMissing(let baseURL):
            "no model is set for the LLM at \(ChatEndpoint.withoutCredentials(baseURL)) (--llm-model or KUBECTL_HEAL_LLM_MODEL)"
        case .invalidHeader(let source, let name):
            switch name {
            case nil: "an entry of \(source) has no colon; expected \"Name: value\""
            case let name? where name.isEmpty: "an entry of \(source) has an empty header name; expected \"Name: value\""
            case let name?: "the \(source) header \"\(name)\" is malformed; expected \"Name: value\" with a token name and a one-line value"
            }
        case .invalidSetting(let name, let reason):
            "invalid \(name): \(reason)"
        case .transport(let error):
            "the LLM could not be asked: \(error)"
        case .httpStatus(let url, let status, let message):
            message.isEmpty ? "the LLM at \(url) answered HTTP \(status)" : "the LLM at \(url) answered HTTP \(status): \(message)"
        case .retriesExhausted(let url, let status, let attempts):
            "the LLM at \(url) still answered HTTP \(status) after \(attempts) attempts"
        case .circuitOpen(let cause):
            "the LLM was not asked, after an earlier failure: \(cause)"
        case .invalidAnswer(let url, let detail):
            "the LLM at \(url) did not answer with a chat completion: \(detail)"
        case .cacheUnwritable(let path, let detail):
            "cannot write the LLM answer cache at \(path): \(detail)"
        case .cancelled:
            "the LLM request was cancelled"
        }
    }
}
