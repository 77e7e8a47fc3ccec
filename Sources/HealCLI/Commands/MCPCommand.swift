import ArgumentParser
import HealActions
import HealAdvisor
import HealApp
import HealModel

/// `kubectl heal mcp`: the capabilities of kubectl-heal as Model Context Protocol tools.
struct MCPCommand: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve diagnose, timeline, failover, recommend-limits, cost and learn as Model Context Protocol tools over stdio, for AI agents.",
        discussion: """
            An MCP server on stdin/stdout (JSON-RPC, one message per line) for agent platforms: kagent, kubectl-ai, \
            Claude Desktop and other MCP clients. Tools: diagnose, explain_finding (with an LLM configured), timeline, \
            failover_status, failover_plan, recommend_limits, cost, cost_scenarios, learn_list, learn_stats; each \
            returns the document the CLI prints with -o json, and errors carry the CLI's message and hint. \
            Read-only unless started with --allow-mutations, which adds apply_fix, failover_apply and apply_limits: \
            they dry-run, verify and roll back exactly like the CLI with --yes, and a --policy deny always wins.

            A tool call may name a namespace, never widen the server's: --allowed-namespaces, else the one -n \
            names, else any the credentials reach. Long scans report progress when the call carries a progress \
            token; a cancelled call stops (a mutating one finishes its verification or rollback first). The server \
            exits 0 when stdin closes, after answering the calls it has received, or on SIGTERM, after cancelling \
            read-only calls and letting mutating ones finish. Logs go to stderr.

            Examples:
              kubectl heal mcp -n shop
              kubectl heal mcp --context prod --allowed-namespaces shop,payments
              kubectl heal mcp -n shop --allow-mutations --policy heal-policy.yaml

            \(ExitStatus.table)
            """)

    @OptionGroup(title: "Cluster access") var cluster: ClusterOptions

    @Option(
        name: .customLong("allowed-namespaces"),
        help: ArgumentHelp("The only namespaces tool calls may use (comma-separated or repeated; default: the one -n names, else any).", valueName: "list"))
    var allowedNamespaces: [String] = []

    @Flag(help: "Offer the mutating tools apply_fix, failover_apply and apply_limits.")
    var allowMutations = false

    @Option(help: ArgumentHelp("What the mutating tools may do, per namespace and label (the healing policy file; see the README).", valueName: "file"), completion: .file())
    var policy: String?

    @Option(help: ArgumentHelp("apply_fix and apply_limits: how long new pods must stay Ready without a restart before a change counts as verified.", valueName: "duration"))
    var verifyFor = "60s"

    @Option(help: ArgumentHelp("apply_fix and apply_limits: how long a rollout may take before it is rolled back.", valueName: "duration"))
    var rolloutTimeout = "5m"

    @Option(help: SuppressionOptions.configHelp, completion: .file())
    var config: String?

    @OptionGroup(title: "Learned fixes") var store: StoreOptions

    @OptionGroup(title: "Prometheus") var prometheus: PrometheusOptions

    @OptionGroup(title: "Prices") var pricing: PricingOptions

    @OptionGroup(title: "LLM (optional)") var llm: LLMOptions

    @OptionGroup var verbosity: VerbosityOptions

    func validate() throws {
        let scope = NamespaceScope(namespace: cluster.namespace, allowedNamespaces: allowedNamespaces)
        if let namespace = cluster.namespace, let allowed = scope.allowed, !allowed.contains(namespace) {
            throw ValidationError("-n \(namespace) is not among --allowed-namespaces \(allowed.joined(separator: ",")); add it or drop -n")
        }
        if let invalid = scope.allowed?.first(where: { !Self.isNamespaceName($0) }) {
            throw ValidationError("--allowed-namespaces: \"\(invalid)\" is not a namespace name (lowercase letters, digits and -)")
        }
        if policy != nil, !allowMutations {
            throw ValidationError("--policy decides what the mutating tools may do; add --allow-mutations or drop --policy")
        }
        for (flag, text) in [("--verify-for", verifyFor), ("--rollout-timeout", rolloutTimeout)] {
            try parseFlag(flag) { () throws(InvalidInput) in try DurationInput.seconds(text) }
        }
        try SuppressionOptions.check(config: config)
        if llm.requireLLM { throw ValidationError("--require-llm applies to a CLI run; the server offers explain_finding when an LLM is configured") }
    }

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        // A bad policy file stops the server before any client can call a tool (exit 65).
        _ = try HealPolicy.load(ifGiven: policy)
        let logger = environment.logger("heal-mcp", level: verbosity.logLevel)
        var overrides = cluster.overrides
        overrides.namespace = nil
        // A bad config file too: the tools would otherwise report what the team chose to hide.
        let suppression = try ReportConfig.load(named: config, in: environment)
        var settings = MCPServerSettings(
            scope: NamespaceScope(namespace: cluster.namespace, allowedNamespaces: allowedNamespaces), allowMutations: allowMutations,
            cluster: overrides, store: store.store, prometheus: prometheus.access(overrides), pricing: pricing.settings, policyFile: policy,
            verification: HealExecutor.Settings(verifyFor: verifyFor, rolloutTimeout: rolloutTimeout), suppression: suppression)
        do {
            if let configuration = try llm.configuration(in: environment) {
                settings.llm = MCPServerSettings.LLM(configuration: configuration, anonymize: llm.anonymize, cached: !llm.noCache)
            }
        } catch {
            environment.standardError.write("warning: LLM configuration ignored (\(error.description)); explain_finding is not offered\n")
        }
        try await MCPServe(settings: settings, environment: environment, logger: logger).run()
        return ExitStatus.success
    }

    /// An RFC 1123 label, as Kubernetes requires of namespace names.
    private static func isNamespaceName(_ name: String) -> Bool {
        guard (1...63).contains(name.count), name.first != "-", name.last != "-" else { return false }
        return name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}
