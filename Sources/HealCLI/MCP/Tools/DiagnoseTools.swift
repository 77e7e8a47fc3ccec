import HealAnalysis
import MCP

/// diagnose, explain_finding and apply_fix: `kubectl heal diagnose` as tools.
enum DiagnoseTools {
    static let all = [diagnose, explainFinding, applyFix]

    static let diagnose = ToolDefinition(
        name: "diagnose", title: "Diagnose workloads",
        description: """
            Find why pods, Deployments, StatefulSets, Services and nodes are broken: one finding per problem per workload \
            with severity, root cause, evidence (status fields, events, log lines), how long it has lasted and the \
            remediation (an exact patch or kubectl command). The same document as `kubectl heal diagnose -o json`. Read-only.
            """,
        properties: [
            "namespace": Schema.namespace, "all_namespaces": Schema.allNamespaces,
            "targets": Schema.strings("Only these objects and what they own, as TYPE/NAME (deployment/web, svc/api, pod/x)."),
            "selector": Schema.string("Only objects (or their owners) with these labels, e.g. app=web,tier!=cache."),
            "analyzers": Schema.strings("Only these analyzers or groups: \(DiagnosisOptions.knownAnalyzerNames().joined(separator: ", "))."),
            "min_age": Schema.string("Hide problems younger than this duration, e.g. 5m, 1h."),
            "hygiene": Schema.boolean("Also run the hygiene checks (probes, requests/limits, :latest, single replicas, PDBs)."),
        ]
    ) { arguments, settings throws(PresentedError) in
        var line = ["diagnose", "-o", "json"] + (try arguments.strings("targets"))
        line += try settings.scope.arguments(
            tool: arguments.tool, namespace: try arguments.string("namespace"), allNamespaces: try arguments.bool("all_namespaces"))
        line += try arguments.flag("-l", from: "selector") + arguments.flag("--min-age", from: "min_age")
        let analyzers = try arguments.strings("analyzers")
        if !analyzers.isEmpty { line += ["--analyzers", analyzers.joined(separator: ",")] }
        if try arguments.bool("hygiene") { line.append("--hygiene") }
        return line + settings.cluster
    }

    static let explainFinding = ToolDefinition(
        name: "explain_finding", title: "Explain a workload's findings",
        description: """
            Diagnose one object and add the configured LLM's explanation and numbered fix steps to each of its findings \
            (`findings[].explanation`). Names, addresses and secret-looking values are masked before anything is sent. The \
            same document as `kubectl heal diagnose TYPE/NAME --explain -o json`. Read-only.
            """,
        properties: [
            "target": Schema.string("The object, as TYPE/NAME (deployment/web, pod/x)."),
            "namespace": Schema.namespace,
        ],
        required: ["target"]
    ) { arguments, settings throws(PresentedError) in
        guard let llm = settings.llm else {
            throw PresentedError(
                message: "explain_finding needs an LLM, and this server has none configured",
                hint: "restart the server with --llm-base-url and --llm-model (or their environment variables)", exitCode: ExitStatus.configuration)
        }
        var line = ["diagnose", try arguments.string("target") ?? "", "--explain", "-o", "json"]
        line += try settings.scope.arguments(tool: arguments.tool, namespace: try arguments.string("namespace"), allNamespaces: false)
        return line + llm + settings.cluster
    }

    static let applyFix = ToolDefinition(
        name: "apply_fix", title: "Fix what is safe to fix",
        description: """
            Diagnose, then heal what is safe to heal, exactly like `kubectl heal diagnose --fix --yes`: for each incident a \
            plan (learned fix, rule, or the LLM's validated plan), a server-side dry run, the patch under a resourceVersion \
            precondition, verification of the rollout and a rollback when it does not verify; the server's --policy decides \
            (deny always wins). Returns the events (plan, patch, verification) and a summary as a HealEventList. Changes the cluster.
            """,
        properties: [
            "namespace": Schema.namespace,
            "targets": Schema.strings("Only these objects and what they own, as TYPE/NAME."),
            "selector": Schema.string("Only workloads with these labels."),
        ],
        mutating: true, output: .eventStream
    ) { arguments, settings throws(PresentedError) in
        var line = ["diagnose", "--fix", "--yes", "-o", "json"] + (try arguments.strings("targets"))
        line += try settings.scope.arguments(
            tool: arguments.tool, namespace: try arguments.string("namespace"), allNamespaces: false, mutating: true)
        line += try arguments.flag("-l", from: "selector")
        return line + settings.policy + settings.verification + settings.store + (settings.llm ?? ["--no-llm"]) + settings.cluster
    }
}
