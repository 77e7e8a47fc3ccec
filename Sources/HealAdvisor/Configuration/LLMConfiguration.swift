import Foundation
import HealHTTP

/// Everything needed to talk to one OpenAI-compatible endpoint, validated. The API key and the
/// extra headers' values never appear in any textual form of it (`description`, `dump`).
package struct LLMConfiguration: Sendable {
    package var endpoint: ChatEndpoint
    package var model: String
    package var apiKey: Redacted<String>?
    /// Extra headers from `--llm-header` and `KUBECTL_HEAL_LLM_HEADERS`; their values may be
    /// credentials (gateway tokens, organisation ids).
    package var headers: [HTTPHeader]
    package var timeout: Duration
    package var concurrency: Int
    package var retry: RetryPolicy
    /// How long an open circuit refuses calls before it lets one probe through.
    package var reopenAfter: Duration

    /// Three attempts: an LLM that is throttled or failing for longer is better skipped than
    /// waited for, since its advice is optional.
    package static let defaultRetry = RetryPolicy(
        maxAttempts: 3, baseDelay: .milliseconds(500), maxDelay: .seconds(8), retryAfterCap: .seconds(30))

    package init(
        endpoint: ChatEndpoint, model: String, apiKey: Redacted<String>? = nil, headers: [HTTPHeader] = [],
        timeout: Duration = .seconds(60), concurrency: Int = 4, retry: RetryPolicy = defaultRetry,
        reopenAfter: Duration = .seconds(300)
    ) {
        self.endpoint = endpoint
        self.model = model
        self.apiKey = apiKey
        self.headers = headers
        self.timeout = timeout
        self.concurrency = concurrency
        self.retry = retry
        self.reopenAfter = reopenAfter
    }

    /// The names the settings are read from, so that messages can name them.
    package enum Source {
        package static let headerFlag = "--llm-header"
        package static let headerVariable = "KUBECTL_HEAL_LLM_HEADERS"
        package static let concurrencyFlag = "--llm-concurrency"
        package static let timeoutFlag = "--llm-timeout"
    }

    /// The configuration the flags and the environment describe, or nil when no base URL is set
    /// anywhere (the LLM is optional). Flags win over `KUBECTL_HEAL_LLM_*`, which win over the
    /// `OPENAI_*` variables other tools already read. The key comes only from the environment,
    /// so that it never sits in shell history or `ps` output.
    package static func resolve(_ settings: LLMSettings, environment: [String: String]) throws(AdvisorError) -> LLMConfiguration? {
        guard let baseURL = firstSet(settings.baseURL, environment["KUBECTL_HEAL_LLM_BASE_URL"], environment["OPENAI_BASE_URL"]) else {
            return nil
        }
        let endpoint = try ChatEndpoint(baseURL: baseURL)
        guard let model = firstSet(settings.model, environment["KUBECTL_HEAL_LLM_MODEL"]) else {
            throw .modelMissing(baseURL: endpoint.baseURL)
        }
        let apiKey = firstSet(environment["KUBECTL_HEAL_LLM_API_KEY"], environment["OPENAI_API_KEY"]).map(Redacted.init)

        var headers: [HTTPHeader] = []
        for entry in settings.headers {
            headers.append(try parseHeader(entry, source: Source.headerFlag))
        }
        if let lines = environment[Source.headerVariable] {
            for line in lines.split(whereSeparator: \.isNewline) where !line.allSatisfy(\.isWhitespace) {
                headers.append(try parseHeader(String(line), source: Source.headerVariable))
            }
        }

        guard settings.concurrency >= 1 else {
            throw .invalidSetting(name: Source.concurrencyFlag, reason: "it must be at least 1, not \(settings.concurrency)")
        }
        guard settings.timeout > .zero else {
            throw .invalidSetting(name: Source.timeoutFlag, reason: "it must be longer than 0s, not \(settings.timeout.formattedSeconds)")
        }
        return LLMConfiguration(
            endpoint: endpoint, model: model, apiKey: apiKey, headers: headers, timeout: settings.timeout,
            concurrency: settings.concurrency)
    }

    /// The headers of every request: JSON both ways, the key the way the server expects it
    /// (Azure: `api-key`), then the extra headers, which replace a built-in one of the same name
    /// (a gateway may want its own `Authorization`).
    package var requestHeaders: [HTTPHeader] {
        var builtIn = [HTTPHeader("Content-Type", "application/json"), HTTPHeader("Accept", "application/json")]
        if let apiKey {
            builtIn.append(endpoint.isAzure ? HTTPHeader("api-key", apiKey.value) : HTTPHeader("Authorization", "Bearer \(apiKey.value)"))
        }
        let replaced = Set(headers.map { $0.name.lowercased() })
        return builtIn.filter { !replaced.contains($0.name.lowercased()) } + headers
    }

    /// The first value that is set and not blank, trimmed.
    private static func firstSet(_ candidates: String?...) -> String? {
        for candidate in candidates {
            if let value = candidate?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty { return value }
        }
        return nil
    }

    /// `Name: value`. A malformed entry is reported by the part before the colon only: without
    /// a colon the whole entry may well be a bare token.
    private static func parseHeader(_ entry: String, source: String) throws(AdvisorError) -> HTTPHeader {
        guard let colon = entry.firstIndex(of: ":") else { throw .invalidHeader(source: source, name: nil) }
        let name = entry[..<colon].trimmingCharacters(in: .whitespaces)
        let value = entry[entry.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw .invalidHeader(source: source, name: "") }
        // RFC 9110 token characters; a value must stay on its line (no header injection) and
        // not be empty (curl would take `Name:` as "remove this header").
        let tokenSymbols = Set("!#$%&'*+-.^_`|~")
        let validName = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || tokenSymbols.contains($0)) }
        // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        let validValue = !value.isEmpty && !value.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }
        guard validName, validValue else { throw .invalidHeader(source: source, name: name) }
        return HTTPHeader(name, value)
    }
}

extension LLMConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    package var description: String {
        let names = headers.map(\.name).joined(separator: ", ")
        return "\(model) at \(endpoint.displayURL) (key: \(apiKey == nil ? "none" : "<redacted>"), extra headers: \(names.isEmpty ? "none" : names), "
            + "timeout \(timeout.formattedSeconds), concurrency \(concurrency))"
    }

    package var debugDescription: String { description }

    /// `dump` and debuggers see names only, never the key or a header value.
    package var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "url": endpoint.displayURL, "model": model, "apiKey": apiKey == nil ? "none" : "<redacted>",
                "headers": headers.map(\.name), "timeout": timeout, "concurrency": concurrency,
            ], displayStyle: .struct)
    }
}
