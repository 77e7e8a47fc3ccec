/// What a `kubectl heal mcp` server was started with and passes on to every tool call.
struct MCPServerSettings: Sendable {
    var scope: NamespaceScope
    /// `--allow-mutations`: apply_fix, failover_apply and apply_limits are listed and may run.
    var allowMutations: Bool
    /// Cluster-access flags (kubeconfig, context, impersonation…), without the namespace.
    var cluster: [String] = []
    var store: [String] = []
    var prometheus: [String] = []
    var pricing: [String] = []
    /// `--policy FILE` for the mutating tools.
    var policy: [String] = []
    /// `--verify-for` and `--rollout-timeout` for apply_fix and apply_limits.
    var verification: [String] = []
    /// The LLM flags; nil when no LLM is configured, and explain_finding is not offered.
    var llm: [String]?

    /// The refusal for a mutating tool on a server started without `--allow-mutations`.
    static func mutationsRefused(_ tool: String) -> PresentedError {
        PresentedError(
            message: "\(tool) changes the cluster, and this server was started without --allow-mutations",
            hint: "use the read-only tools (diagnose, failover_plan, recommend_limits), or restart the server with --allow-mutations (and a --policy)",
            exitCode: ExitStatus.usage)
    }
}
