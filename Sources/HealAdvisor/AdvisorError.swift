import HealHTTP

/// Why the LLM could not be configured or could not answer. Each case names the URL or the
/// setting; the CLI's presenter adds the hint and the exit code.
package enum AdvisorError: Error, Sendable, Equatable {
    /// `--llm-base-url` / `KUBECTL_HEAL_LLM_BASE_URL` / `OPENAI_BASE_URL` is not a usable URL.
    case invalidBaseURL(String, reason: String)
}
