import ArgumentParser
import Foundation
import HealAdvisor
import HealApp
import HealModel

/// The optional LLM: where it is, which model, how it is called and what it may see. Nothing
/// here is needed; without a base URL no call is ever made. The API key is read only from the
/// environment (a flag would land in shell history).
struct LLMOptions: ParsableArguments {
    @Option(
        name: .customLong("llm-base-url"),
        help: ArgumentHelp("An OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp, LocalAI); /v1 is appended when missing. Default: $KUBECTL_HEAL_LLM_BASE_URL, else $OPENAI_BASE_URL.", valueName: "url"))
    var baseURL: String?

    @Option(name: .customLong("llm-model"), help: ArgumentHelp("The model to ask. Default: $KUBECTL_HEAL_LLM_MODEL.", valueName: "name"))
    var model: String?

    @Option(
        name: .customLong("llm-header"),
        help: ArgumentHelp("An extra header for the endpoint, NAME: VALUE (repeatable; also $KUBECTL_HEAL_LLM_HEADERS, one per line). The API key is read from the environment only (see the README).", valueName: "header"))
    var headers: [String] = []

    @Option(name: .customLong("llm-timeout"), help: ArgumentHelp("How long one LLM request may take.", valueName: "duration"))
    var timeout = "60s"

    @Option(name: .customLong("llm-concurrency"), help: ArgumentHelp("At most this many LLM requests at once.", valueName: "n"))
    var concurrency = 4

    @Flag(inversion: .prefixedNo, help: "Mask names, namespaces, IPs, hosts, registries and secret-looking values before anything is sent, and restore them in the answer.")
    var anonymize = true

    @Flag(name: .customLong("no-cache"), help: "Ask the LLM again instead of reusing answers cached on disk.")
    var noCache = false

    @Flag(name: .customLong("require-llm"), help: "Exit 69 when the LLM cannot answer (the rule-based result is still printed).")
    var requireLLM = false

    @Flag(name: .customLong("no-llm"), help: "Never call an LLM, even when one is configured in the environment.")
    var noLLM = false

    func validate() throws {
        guard let seconds = DurationText.seconds(timeout), seconds > 0 else {
            throw ValidationError("--llm-timeout \"\(timeout)\" is not a duration above zero; use e.g. 30s or 2m")
        }
        guard concurrency >= 1 else { throw ValidationError("--llm-concurrency must be at least 1") }
        if noLLM && requireLLM { throw ValidationError("--no-llm and --require-llm contradict each other; drop one") }
    }

    /// The configured endpoint, or nil when none is configured (or `--no-llm`).
    func configuration(in environment: AppEnvironment) throws(AdvisorError) -> LLMConfiguration? {
        guard !noLLM else { return nil }
        let settings = LLMSettings(
            baseURL: baseURL, model: model, headers: headers, timeout: .seconds(DurationText.seconds(timeout) ?? 60), concurrency: concurrency)
        return try LLMConfiguration.resolve(settings, environment: environment.variables)
    }
}
