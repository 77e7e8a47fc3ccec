import HealActions
import HealAdvisor
import HealAnalysis
import HealApp
import HealKube

/// What a `kubectl heal mcp` server was started with and passes on to every tool call.
struct MCPServerSettings: Sendable {
    /// The LLM a server was started with; each call that uses it (explain_finding, apply_fix)
    /// gets a session of its own, whose warnings go into that call's result.
    struct LLM: Sendable {
        var configuration: LLMConfiguration
        var anonymize: Bool
        var cached: Bool
    }

    var scope: NamespaceScope
    /// `--allow-mutations`: apply_fix, failover_apply and apply_limits are listed and may run.
    var allowMutations: Bool
    /// Cluster access (kubeconfig, context, impersonation…); the namespace is chosen per call.
    var cluster = ConfigOverrides()
    /// `--store`: the memory of fixes.
    var store: String?
    var prometheus = PrometheusAccess()
    var pricing = PricingSettings()
    /// `--policy FILE` for the mutating tools.
    var policyFile: String?
    /// `--verify-for` and `--rollout-timeout` for apply_fix and apply_limits.
    var verification = HealExecutor.Settings()
    /// The config file's suppression and severity rules, for diagnose and apply_fix.
    var suppression = SuppressionRules()
    /// nil when no LLM is configured, and explain_finding is not offered.
    var llm: LLM?

    /// The refusal for a mutating tool on a server started without `--allow-mutations`.
    static func mutationsRefused(_ tool: String) -> PresentedError {
        PresentedError(
            message: "\(tool) changes the cluster, and this server was started without --allow-mutations",
            hint: "use the read-only tools (diagnose, failover_plan, recommend_limits), or restart the server with --allow-mutations (and a --policy)",
            exitCode: ExitStatus.usage)
    }
}
