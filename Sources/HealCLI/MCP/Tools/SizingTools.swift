import HealApp
import HealAnalysis
import MCP

/// recommend_limits, apply_limits, cost and cost_scenarios: `kubectl heal recommend-limits` and
/// `kubectl heal cost` as tools.
enum SizingTools {
    static let all = [recommendLimits, applyLimits, cost, costScenarios]

    private static let usageSources = UsageSettings.Source.allCases.map(\.rawValue)

    private static let selection: [String: Value] = [
        "target": Schema.string("Only this workload: deployment/NAME, statefulset/NAME or daemonset/NAME."),
        "namespace": Schema.namespace, "all_namespaces": Schema.allNamespaces,
        "selector": Schema.string("Only workloads with these labels, e.g. app=web."),
        "usage_source": Schema.choice("Where usage comes from (default auto: the server's Prometheus, one found in the cluster, else metrics-server).", usageSources),
        "history": Schema.string("How much Prometheus history to read (default 14d)."),
    ]

    private static let recommendation: [String: Value] = selection.merging([
        "cpu_percentile": Schema.number("CPU request = this percentile of usage (default 95)."),
        "memory_buffer": Schema.number("Memory = peak usage plus this many percent (default 15)."),
    ]) { first, _ in first }

    static let recommendLimits = ToolDefinition(
        name: "recommend_limits", title: "Right-size requests and limits",
        description: """
            Per container: current and recommended CPU/memory requests and limits from Prometheus or metrics-server usage \
            (OOM-aware, never below what healing learned), the difference per pod and × replicas, severity, confidence and \
            the strategic-merge patch. The same document as `kubectl heal recommend-limits -o json`. Read-only.
            """,
        properties: recommendation
    ) { arguments, settings throws(PresentedError) in
        ["recommend-limits", "-o", "json"] + (try selectionArguments(arguments, settings)) + (try recommenderArguments(arguments))
            + settings.prometheus + settings.store + settings.cluster
    }

    static let applyLimits = ToolDefinition(
        name: "apply_limits", title: "Apply right-sized requests and limits",
        description: """
            Apply the recommendations to Deployments, exactly like `kubectl heal recommend-limits --apply --yes`: a \
            server-side dry run, the patch under a resourceVersion precondition, the rollout verified and rolled back when \
            it does not hold; the server's --policy decides (set-resources). Returns the recommendations with `applied`: \
            each change's patch, outcome and verification. Changes the cluster.
            """,
        properties: recommendation.filter { $0.key != "all_namespaces" }, mutating: true
    ) { arguments, settings throws(PresentedError) in
        ["recommend-limits", "--apply", "--yes", "-o", "json"] + (try selectionArguments(arguments, settings, mutating: true))
            + (try recommenderArguments(arguments)) + settings.policy + settings.verification + settings.prometheus + settings.store + settings.cluster
    }

    static let cost = ToolDefinition(
        name: "cost", title: "Monthly cost of workloads",
        description: """
            Monthly cost per workload, per namespace and in total (CPU and memory priced separately, billed at \
            max(request, mean usage)), with the idle part: requests above mean usage. The same document as \
            `kubectl heal cost -o json`. Read-only.
            """,
        properties: selection
    ) { arguments, settings throws(PresentedError) in
        ["cost", "workloads", "-o", "json"] + (try selectionArguments(arguments, settings)) + settings.pricing + settings.prometheus + settings.cluster
    }

    static let costScenarios = ToolDefinition(
        name: "cost_scenarios", title: "Cost of resilience strategies",
        description: """
            Monthly cost of always-on, blue-green, peak-scaling, scale-to-zero, right-sized, warm- and cold-standby for one \
            workload (or a pod described by cpu_per_pod/memory_per_pod/replicas, or the demo preset), and the savings against \
            a baseline. The same document as `kubectl heal cost scenarios -o json`. Read-only.
            """,
        properties: [
            "target": Schema.string("The workload: deployment/NAME, statefulset/NAME or daemonset/NAME."),
            "namespace": Schema.namespace,
            "preset": Schema.choice("Reproduce a known calculator instead of reading a workload.", ScenarioPreset.allCases.map(\.rawValue)),
            "baseline": Schema.choice("Savings are against this scenario (default always-on).", ScenarioID.allCases.map(\.rawValue)),
            "cpu_per_pod": Schema.string("Without a target: CPU one pod requests, e.g. 250m."),
            "memory_per_pod": Schema.string("Without a target: memory one pod requests, e.g. 256Mi."),
            "replicas": Schema.integer("Without a target: replicas always on (default 1).", minimum: 1),
            "peak_replicas": Schema.integer("Replicas during the peak hours (default: the HPA's maximum).", minimum: 1),
            "peak_hours": Schema.number("Peak hours per day (default 2)."),
            "off_hours": Schema.number("Hours per day scaled to zero (default 8)."),
        ]
    ) { arguments, settings throws(PresentedError) in
        var line = ["cost", "scenarios", "-o", "json"]
        if let preset = try arguments.string("preset") {
            return line + ["--preset", preset]
        }
        if let target = try arguments.string("target") {
            line.append(target)
            line += try settings.scope.arguments(tool: arguments.tool, namespace: try arguments.string("namespace"), allNamespaces: false)
            line += settings.prometheus + settings.cluster
        }
        line += try arguments.flag("--baseline", from: "baseline") + arguments.flag("--cpu-per-pod", from: "cpu_per_pod")
            + arguments.flag("--memory-per-pod", from: "memory_per_pod")
        for (flag, key) in [("--replicas", "replicas"), ("--peak-replicas", "peak_replicas")] {
            if let value = try arguments.integer(key) { line += [flag, String(value)] }
        }
        for (flag, key) in [("--peak-hours", "peak_hours"), ("--off-hours", "off_hours")] {
            if let value = try arguments.number(key) { line += [flag, String(value)] }
        }
        return line + settings.pricing
    }

    private static func selectionArguments(_ arguments: ToolArguments, _ settings: MCPServerSettings, mutating: Bool = false) throws(PresentedError) -> [String] {
        var line = try arguments.string("target").map { [$0] } ?? []
        line += try settings.scope.arguments(
            tool: arguments.tool, namespace: try arguments.string("namespace"), allNamespaces: try arguments.bool("all_namespaces"), mutating: mutating)
        return line + (try arguments.flag("-l", from: "selector")) + (try arguments.flag("--usage-source", from: "usage_source"))
            + (try arguments.flag("--history", from: "history"))
    }

    private static func recommenderArguments(_ arguments: ToolArguments) throws(PresentedError) -> [String] {
        var line: [String] = []
        for (flag, key) in [("--cpu-percentile", "cpu_percentile"), ("--memory-buffer", "memory_buffer")] {
            if let value = try arguments.number(key) { line += [flag, String(value)] }
        }
        return line
    }
}
