import HealApp
import HealKube
import Logging

/// What one tool call runs with: the server's settings, and the server's environment with this
/// call's own stderr (its warnings go into the result), progress relay and no signal (the
/// call's cancellation is its interruption).
struct ToolCall: Sendable {
    let settings: MCPServerSettings
    let environment: AppEnvironment
    /// Use cases log warnings only, as the CLI does without -v; they reach the result.
    let logLevel = Logger.Level.warning

    /// The server's cluster access in the namespace the call chose.
    func cluster(_ choice: NamespaceScope.Choice) -> ConfigOverrides {
        var overrides = settings.cluster
        overrides.namespace = choice.namespace
        return overrides
    }

    /// A live source in the namespace the call chose.
    func source(_ choice: NamespaceScope.Choice) -> DiagnoseRequest.Source {
        .cluster(cluster(choice))
    }

    /// The LLM for this call, when the server has one.
    func llmSession() -> LLMSession? {
        settings.llm.map { llm in
            LLMSession(
                configuration: llm.configuration, anonymize: llm.anonymize, cached: llm.cached, environment: environment,
                logger: environment.logger(level: logLevel))
        }
    }
}
