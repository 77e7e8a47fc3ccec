import HealActions
import HealAnalysis
import HealApp
import HealModel
import MCP

/// recommend_limits, apply_limits, cost and cost_scenarios: `kubectl heal recommend-limits` and
/// `kubectl heal cost` as tools.
enum SizingTools {
    static let all = [recommendLimits, applyLimits, cost, costScenarios]

    private static let usageSources = UsageSettings.Source.allCases.map(\.rawValue)

    static let selection: [String: Value] = [
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
    ) { arguments, call in
        let choice = try arguments.namespace(in: call.settings.scope)
        let outcome = try await RecommendJob(environment: call.environment, logLevel: call.logLevel).run(try recommendation(arguments, choice, call))
        return try ToolAnswer(json: try RecommendationRenderer.render(outcome.report, as: .json, at: Timestamp(call.environment.now()), colors: false))
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
    ) { arguments, call in
        let choice = try arguments.namespace(in: call.settings.scope, mutating: true)
        let policy = try HealPolicy.load(ifGiven: call.settings.policyFile)
        let job = RecommendJob(environment: call.environment, logLevel: call.logLevel)
        var outcome = try await job.run(try recommendation(arguments, choice, call))
        var exitCode = ExitStatus.success
        if let client = outcome.client {
            let guardRails = ResizeJob.GuardRails(
                yes: true, force: false, namedNamespace: choice.namespace, policy: policy, executor: call.settings.verification)
            let results = try await job.apply(outcome, client: client, guardRails: guardRails)
            outcome.report.applied = results
            exitCode = results.exitCode
        }
        let text = try RecommendationRenderer.render(outcome.report, as: .json, at: Timestamp(call.environment.now()), colors: false)
        return try ToolAnswer(json: text, exitCode: exitCode)
    }

    static let cost = ToolDefinition(
        name: "cost", title: "Monthly cost of workloads",
        description: """
            Monthly cost per workload, per namespace and in total (CPU and memory priced separately, billed at \
            max(request, mean usage)), with the idle part: requests above mean usage. The same document as \
            `kubectl heal cost -o json`. Read-only.
            """,
        properties: selection
    ) { arguments, call in
        let choice = try arguments.namespace(in: call.settings.scope)
        let document = try await CostJob(environment: call.environment, logLevel: call.logLevel).run(CostJob.Request(
            inventory: try inventory(arguments, choice, call), usage: try usage(arguments), prometheus: call.settings.prometheus,
            pricing: call.settings.pricing))
        return try ToolAnswer(json: try CostRenderer.render(document, as: .json, at: Timestamp(call.environment.now())))
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
    ) { arguments, call in
        // The schema's enum has refused any other name.
        let baseline = try arguments.string("baseline").flatMap(ScenarioID.init(rawValue:)) ?? .alwaysOn
        var overrides = ScenarioOverrides(peakReplicas: try arguments.integer("peak_replicas"))
        overrides.peakHoursPerDay = try arguments.number("peak_hours") ?? overrides.peakHoursPerDay
        overrides.offHoursPerDay = try arguments.number("off_hours") ?? overrides.offHoursPerDay
        let document = try await ScenarioJob(environment: call.environment, logLevel: call.logLevel).run(ScenarioJob.Request(
            subject: try scenarioSubject(arguments, call), baseline: baseline, overrides: overrides, pricing: call.settings.pricing,
            usage: UsageSettings(), prometheus: call.settings.prometheus, recommender: RecommenderSettings()))
        return try ToolAnswer(json: try CostRenderer.render(document, as: .json, at: Timestamp(call.environment.now())))
    }

    /// The preset, the workload, or the pod the arguments describe (exactly one of them).
    private static func scenarioSubject(_ arguments: ToolArguments, _ call: ToolCall) throws -> ScenarioJob.Subject {
        let cpu = try arguments.parsed("cpu_per_pod", SizingInput.cores)
        let memory = try arguments.parsed("memory_per_pod", SizingInput.bytes)
        let replicas = try arguments.integer("replicas")
        let target = try arguments.parsed("target", TargetInput.workload)
        let describesPod = cpu != nil || memory != nil || replicas != nil
        if let preset = try arguments.string("preset").flatMap(ScenarioPreset.init(rawValue:)) {
            guard target == nil, !describesPod else { throw arguments.misuse("preset fixes every figure; drop target, cpu_per_pod, memory_per_pod and replicas") }
            return .preset(preset)
        }
        if let target {
            guard !describesPod else { throw arguments.misuse("cpu_per_pod, memory_per_pod and replicas describe a pod without a cluster; the target's own figures are used instead") }
            let choice = try arguments.namespace(in: call.settings.scope)
            return .workload(WorkloadInventory.Request(source: call.source(choice), namespace: choice.namespace, allNamespaces: false, target: target))
        }
        guard cpu != nil || memory != nil else {
            throw arguments.misuse("give a target (e.g. deployment/web), a pod's size (cpu_per_pod and memory_per_pod) or preset demo")
        }
        return .pod(cpu: cpu ?? 0, memory: memory ?? 0, replicas: replicas ?? 1)
    }

    /// The workloads the arguments select, read live in the namespace chosen.
    static func inventory(_ arguments: ToolArguments, _ choice: NamespaceScope.Choice, _ call: ToolCall) throws -> WorkloadInventory.Request {
        WorkloadInventory.Request(
            source: call.source(choice), namespace: choice.namespace, allNamespaces: choice.allNamespaces,
            target: try arguments.parsed("target", TargetInput.workload),
            selector: try arguments.parsed("selector", DiagnosisInput.selector))
    }

    /// Where usage comes from and over what window; the step is the CLI's default (1m).
    private static func usage(_ arguments: ToolArguments) throws(PresentedError) -> UsageSettings {
        var usage = UsageSettings()
        usage.source = try arguments.string("usage_source").flatMap(UsageSettings.Source.init(rawValue:)) ?? usage.source
        usage.historySeconds = try arguments.parsed("history", SizingInput.positiveDuration) ?? usage.historySeconds
        if usage.historySeconds < usage.stepSeconds {
            throw arguments.misuse("\"history\" must span at least one step (\(DurationText.format(seconds: usage.stepSeconds)))")
        }
        return usage
    }

    private static func recommendation(_ arguments: ToolArguments, _ choice: NamespaceScope.Choice, _ call: ToolCall) throws -> RecommendJob.Request {
        var settings = RecommenderSettings()
        settings.cpuPercentile = try arguments.number("cpu_percentile", SizingInput.percentile) ?? settings.cpuPercentile
        settings.memoryBufferPercent = try arguments.number("memory_buffer", SizingInput.memoryBuffer) ?? settings.memoryBufferPercent
        return RecommendJob.Request(
            inventory: try inventory(arguments, choice, call), settings: settings, usage: try usage(arguments), prometheus: call.settings.prometheus,
            store: call.settings.store, cluster: call.cluster(choice))
    }
}
