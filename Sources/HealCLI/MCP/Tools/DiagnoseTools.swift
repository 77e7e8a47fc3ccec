import Foundation
import HealActions
import HealAnalysis
import HealApp
import MCP
import Synchronization

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
    ) { arguments, call in
        // "pods,nodes" is two names, as --analyzers reads it.
        let analyzers = try arguments.strings("analyzers").flatMap { $0.split(separator: ",").map(String.init) }
        let options = DiagnosisOptions(
            analyzers: analyzers.isEmpty ? nil : try arguments.parsing("analyzers") { () throws(InvalidInput) in try DiagnosisInput.analyzers(analyzers) },
            includeHygiene: try arguments.bool("hygiene"), minimumAgeSeconds: try arguments.parsed("min_age", DurationInput.seconds),
            targets: try targets(arguments), labelSelector: try arguments.parsed("selector", DiagnosisInput.selector),
            suppression: call.settings.suppression)
        let outcome = try await DiagnoseJob(environment: call.environment, logLevel: call.logLevel).run(
            request(try arguments.namespace(in: call.settings.scope), options: options, call: call))
        return try ToolAnswer(json: try ReportRenderer.render(outcome.report, as: .json, colors: false))
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
    ) { arguments, call in
        guard let llm = call.llmSession() else {
            throw PresentedError(
                message: "explain_finding needs an LLM, and this server has none configured",
                hint: "restart the server with --llm-base-url and --llm-model (or their environment variables)", exitCode: ExitStatus.configuration)
        }
        let target = try arguments.parsed("target", TargetInput.object)
        let outcome = try await DiagnoseJob(environment: call.environment, logLevel: call.logLevel).run(
            request(
                try arguments.namespace(in: call.settings.scope),
                options: DiagnosisOptions(targets: target.map { [$0] } ?? [], suppression: call.settings.suppression), call: call))
        let (report, _) = await llm.explain(outcome.report, snapshot: outcome.snapshot)
        return try ToolAnswer(json: try ReportRenderer.render(report, as: .json, colors: false))
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
        mutating: true
    ) { arguments, call in
        let choice = try arguments.namespace(in: call.settings.scope, mutating: true)
        let options = DiagnosisOptions(
            targets: try targets(arguments), labelSelector: try arguments.parsed("selector", DiagnosisInput.selector), suppression: call.settings.suppression)
        var limits = HealLimits()
        limits.namedNamespaces = Set([choice.namespace].compactMap { $0 })
        let heal = HealSettings(policyFile: call.settings.policyFile, executor: call.settings.verification, limits: limits)
        let events = Mutex<[HealEvent]>([])
        let outcome = try await HealJob(environment: call.environment, logLevel: call.logLevel).run(HealJob.Request(
            diagnose: request(choice, options: options, call: call), fix: true, watch: false, yes: true, heal: heal, store: call.settings.store,
            cluster: call.cluster(choice), llm: call.llmSession())
        ) { event in events.withLock { $0.append(event) } }
        return try eventList(events.withLock { $0 }, summary: outcome.summary, exitCode: outcome.exitCode(requireLLM: false))
    }

    private static func targets(_ arguments: ToolArguments) throws(PresentedError) -> [ResourceTarget] {
        var targets: [ResourceTarget] = []
        for text in try arguments.strings("targets") {
            targets.append(try arguments.parsing("targets") { () throws(InvalidInput) in try TargetInput.object(text) })
        }
        return targets
    }

    private static func request(_ choice: NamespaceScope.Choice, options: DiagnosisOptions, call: ToolCall) -> DiagnoseRequest {
        DiagnoseRequest(source: call.source(choice), namespace: choice.namespace, allNamespaces: choice.allNamespaces, options: options)
    }

    /// The events and the summary as one `HealEventList`; the text is the JSON lines
    /// `diagnose --fix -o json` prints.
    private static func eventList(_ events: [HealEvent], summary: HealSummary, exitCode: Int32) throws -> ToolAnswer {
        let lines = try events.map { try HealEventRenderer.line($0, json: true) }
        let summaryLine = try HealEventRenderer.summary(summary, json: true)
        let decoder = JSONDecoder()
        let document: Value = .object([
            "apiVersion": "heal.kubectl.io/v1alpha1", "kind": "HealEventList",
            "items": .array(try lines.map { try decoder.decode(Value.self, from: Data($0.utf8)) }),
            "summary": try decoder.decode(Value.self, from: Data(summaryLine.utf8)),
        ])
        return ToolAnswer(text: lines.joined() + summaryLine, document: document, exitCode: exitCode)
    }
}
