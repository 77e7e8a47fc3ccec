import HealAdvisor

/// Messages, hints and exit codes for the LLM: configuration mistakes are 78; an endpoint that
/// cannot answer matters only with --require-llm (otherwise the run goes on rule-based).
enum AdvisorErrorPresenter {
    static let configurationHint = "set --llm-base-url (or $KUBECTL_HEAL_LLM_BASE_URL / $OPENAI_BASE_URL) and --llm-model (or $KUBECTL_HEAL_LLM_MODEL) as the README's LLM section shows, or --no-llm"

    static func present(_ error: AdvisorError) -> PresentedError {
        switch error {
        case .invalidBaseURL, .modelMissing, .invalidHeader, .invalidSetting:
            PresentedError(message: "LLM configuration: \(error.description)", hint: configurationHint, exitCode: ExitStatus.configuration)
        case .httpStatus(_, let status, _) where status == 401 || status == 403:
            PresentedError(
                message: "LLM: \(error.description)", hint: "check $KUBECTL_HEAL_LLM_API_KEY (or $OPENAI_API_KEY) and any --llm-header the endpoint needs",
                exitCode: ExitStatus.permissionDenied)
        case .retriesExhausted:
            PresentedError(message: "LLM: \(error.description)", hint: "the endpoint is rate-limiting or failing; try again later or lower --llm-concurrency", exitCode: ExitStatus.temporaryFailure)
        case .cacheUnwritable:
            PresentedError(message: "LLM: \(error.description)", hint: "make the cache folder writable, set $XDG_CACHE_HOME, or pass --no-cache", exitCode: ExitStatus.configuration)
        case .transport, .httpStatus, .circuitOpen, .invalidAnswer, .cancelled:
            PresentedError(message: "LLM: \(error.description)", hint: "check --llm-base-url and that the model server is up, or drop --require-llm to go on rule-based", exitCode: ExitStatus.unavailable)
        }
    }
}
