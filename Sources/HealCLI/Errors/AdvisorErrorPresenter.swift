import HealAdvisor

/// Messages, hints and exit codes for the LLM. Only its configuration stops a run (78): an
/// endpoint that cannot answer is a warning, and with --require-llm exit 69 after the report.
enum AdvisorErrorPresenter {
    static func present(_ error: AdvisorError) -> PresentedError {
        switch error {
        case .invalidBaseURL, .modelMissing, .invalidHeader, .invalidSetting:
            PresentedError(
                message: "LLM configuration: \(error.description)",
                hint: "set --llm-base-url (or $KUBECTL_HEAL_LLM_BASE_URL / $OPENAI_BASE_URL) and --llm-model (or $KUBECTL_HEAL_LLM_MODEL) as the README's LLM section shows, or --no-llm",
                exitCode: ExitStatus.configuration)
        case .transport, .httpStatus, .retriesExhausted, .circuitOpen, .invalidAnswer, .cacheUnwritable, .cancelled:
            PresentedError(
                message: "LLM: \(error.description)",
                hint: "check --llm-base-url and that the model server is up, or drop --require-llm to go on rule-based",
                exitCode: ExitStatus.unavailable)
        }
    }
}
