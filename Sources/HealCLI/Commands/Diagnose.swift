import Foundation
import ArgumentParser
import HealActions
import HealAdvisor
import HealAnalysis
import HealApp
import HealKube
import HealModel

/// `kubectl heal diagnose`: find why workloads are broken and say so with evidence.
struct Diagnose: HealCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find why pods, workloads, Services and nodes are broken, with evidence and a proposed fix.",
        discussion: """
            Reads a live cluster (or --snapshot files), runs the analyzers and reports one finding per \
            problem per workload: code, severity, root cause, evidence (status fields, events, log lines), \
            how long it has lasted and the remediation (an exact patch or kubectl command). Pods of one \
            owner with the same problem are grouped. States normal while starting are info; --min-age \
            hides younger problems. Hygiene checks (probes, requests/limits, :latest, PDBs) run with --hygiene.

            Analyzers (--analyzers takes ids or groups: \(AnalyzerDescriptor.Group.allCases.map(\.rawValue).joined(separator: ", "))):
            \(AnalyzerRegistry.all.map { "  \($0.descriptor.id): \($0.descriptor.summary)" }.joined(separator: "\n"))

            Examples:
              kubectl heal diagnose -n shop
              kubectl heal diagnose -A -o json --fail-on warning
              kubectl heal diagnose deployment/web -n shop -o wide
              kubectl heal diagnose --snapshot cluster-dump/ -o markdown
              kubectl heal diagnose -A -o html > report.html
              kubectl heal diagnose -n shop --ignore missing-probes --fail-on warning
              kubectl heal diagnose -n shop --explain --llm-base-url http://localhost:11434 --llm-model qwen2.5:7b
              kubectl heal diagnose -A --watch --fix --leader-elect --store configmap://kubectl-heal/memory

            Findings are left out by the heal.kubectl.io/ignore annotation on an object or its owner, by \
            --ignore, or by the rules of a config file (--config, else ./.kubectl-heal.yaml, else \
            $XDG_CONFIG_HOME/kubectl-heal/config.yaml; see the README's "Suppressing findings"). The summary \
            counts them and -o wide and the documents list them with who asked.

            With an OpenAI-compatible LLM configured (--llm-base-url, --llm-model or their environment \
            variables), --explain adds an explanation and fix steps per finding, and --fix asks it for a plan \
            for incidents no rule covers; plans are validated against the allowed actions before use. Names, \
            addresses and secret-looking values are masked before sending (--no-anonymize to opt out). When \
            the LLM cannot answer, the rule-based result is shown with one warning.

            Run as several replicas, --watch --leader-elect heals only while holding a coordination.k8s.io \
            Lease (--lease-name, in $POD_NAMESPACE or the context's namespace); the others keep watching and \
            take over once the holder stops renewing (--lease-duration, 15s). A clean exit gives the Lease up.

            \(ExitStatus.table)
            """)

    @Argument(help: ArgumentHelp("Restrict the report to these objects and what they own, as TYPE/NAME (deployment/web, svc/api, pod/x).", valueName: "type/name"))
    var targets: [String] = []

    @OptionGroup(title: "Cluster access") var cluster: ClusterOptions

    @OptionGroup(title: "Cluster access") var scope: ScopeOptions

    @Option(help: ArgumentHelp("Analyse files instead of a live cluster: `kubectl get -o json|yaml` output or a `kubectl cluster-info dump` folder.", valueName: "path"), completion: .file())
    var snapshot: String?

    @Option(name: .shortAndLong, help: "Output format.")
    var output: DiagnoseFormat = .table

    @Option(
        help: ArgumentHelp("Run only these analyzers or groups (comma-separated).", valueName: "list"),
        completion: .list(DiagnosisOptions.knownAnalyzerNames()))
    var analyzers: String?

    @OptionGroup(title: "Suppression") var suppression: SuppressionOptions

    @Flag(help: "Also run the hygiene checks (info severity: probes, requests/limits, :latest, single replicas, PDBs).")
    var hygiene = false

    @Option(name: .customLong("exclude-namespace"), help: ArgumentHelp("Skip this namespace (repeatable).", valueName: "namespace"))
    var excludedNamespaces: [String] = []

    @Option(help: ArgumentHelp("Hide problems younger than this (e.g. 5m, 1h).", valueName: "duration"))
    var minAge: String?

    @Option(help: "Exit 1 when a finding is at or above this severity (default: findings never fail).")
    var failOn: Severity?

    @Flag(help: "Add an LLM explanation and fix steps per finding (needs an OpenAI-compatible endpoint: --llm-base-url, --llm-model).")
    var explain = false

    @Flag(help: "Apply the safe remediations (plan, dry run, apply, verify, roll back).")
    var fix = false

    @Flag(help: "Keep running: diagnose changes as they happen (with --fix, heal them).")
    var watch = false

    @Flag(help: "Do not ask for confirmation before applying fixes (for scripts); a --policy deny still wins.")
    var yes = false

    @OptionGroup(title: "Healing (with --fix)") var heal: HealOptions

    @OptionGroup(title: "Healing (with --fix)") var store: StoreOptions

    @Option(help: ArgumentHelp("With --watch: serve Prometheus metrics on HOST:PORT (:PORT for every interface), with /healthz and /readyz for probes.", valueName: "host:port"))
    var metricsAddr: String?

    @Flag(help: "With --watch: post a Warning Event (HealProblemDetected) on the workload of each new problem, at most 30 a minute.")
    var recordEvents = false

    @Flag(help: "With --watch: keep each namespace's latest report in a ConfigMap (heal-report.NAMESPACE, label heal.kubectl.io/report) in the watcher's namespace ($POD_NAMESPACE, else the context's).")
    var reportConfigmaps = false

    @OptionGroup(title: "Several replicas (with --watch)") var leadership: LeaderElectionOptions

    @Flag(help: "Also predict failures from Prometheus usage history: oom-predicted, memory-growth, usage-shift, usage-outlier, restart-rate-jump and cpu-throttled findings, as `kubectl heal anomalies` finds them.")
    var anomalies = false

    @Option(help: ArgumentHelp("With --anomalies: how much history to read.", valueName: "duration"))
    var anomalyWindow = "14d"

    @Option(help: ArgumentHelp("With --anomalies --watch: how often the history is read again (at least 10s; default 10m).", valueName: "duration"))
    var anomalyInterval: String?

    @OptionGroup(title: "Prometheus (with --anomalies)") var prometheus: PrometheusOptions

    @OptionGroup(title: "Several clusters") var fleet: FleetOptions

    @OptionGroup(title: "LLM (optional)") var llm: LLMOptions

    @OptionGroup var verbosity: VerbosityOptions

    func validate() throws {
        if let snapshot {
            let clusterFlags: [(String, Bool)] = [
                ("--kubeconfig", cluster.kubeconfig != nil), ("--context", cluster.context != nil), ("--cluster", cluster.cluster != nil),
                ("--user", cluster.user != nil), ("--as", cluster.impersonateUser != nil), ("--as-group", !cluster.impersonateGroups.isEmpty),
                ("--insecure-skip-tls-verify", cluster.insecureSkipTLSVerify), ("--request-timeout", cluster.requestTimeout != ClusterOptions.defaultRequestTimeout),
            ]
            if let flag = clusterFlags.first(where: \.1) {
                throw ValidationError("--snapshot \(snapshot) reads files, so \(flag.0) has no effect; drop one of them")
            }
        }
        _ = try targetList()
        _ = try analyzerSelection()
        if let minAge { try parseFlag("--min-age") { () throws(InvalidInput) in try DurationInput.seconds(minAge) } }
        if explain && (fix || watch) {
            throw ValidationError("--explain annotates a report; with --\(fix ? "fix" : "watch") the output is a stream of events (a configured LLM plans the incidents no rule covers there)")
        }
        if explain && llm.noLLM { throw ValidationError("--explain asks the LLM and --no-llm forbids it; drop one") }
        if fix || watch {
            if let snapshot { throw ValidationError("--\(fix ? "fix" : "watch") works on a live cluster; --snapshot \(snapshot) is files") }
            guard [.table, .json].contains(output) else {
                throw ValidationError("with --\(fix ? "fix" : "watch") the output is a stream of events: use -o table or -o json (JSON lines)")
            }
        }
        if let metricsAddr {
            guard watch else { throw ValidationError("--metrics-addr serves metrics while --watch runs; add --watch") }
            try MetricsAddressFlag.check(metricsAddr)
        }
        if let selector = scope.selector { try parseFlag("-l") { () throws(InvalidInput) in try DiagnosisInput.selector(selector) } }
        try leadership.check(watching: watch)
        if recordEvents && !watch { throw ValidationError("--record-events posts an Event for each problem --watch finds; add --watch") }
        if reportConfigmaps && !watch { throw ValidationError("--report-configmaps keeps the reports of --watch current; add --watch") }
        if anomalies {
            let seconds = try parseFlag("--anomaly-window") { () throws(InvalidInput) in try DurationInput.seconds(anomalyWindow) }
            guard AnomaliesJob.windowLimits.contains(seconds) else { throw ValidationError("--anomaly-window \(anomalyWindow) is outside 1h…30d") }
            if let anomalyInterval {
                guard watch else { throw ValidationError("--anomaly-interval is how often --watch reads the history again; add --watch") }
                let interval = try parseFlag("--anomaly-interval") { () throws(InvalidInput) in try DurationInput.seconds(anomalyInterval) }
                guard interval >= 10 else { throw ValidationError("--anomaly-interval \(anomalyInterval) is under 10s") }
            }
        } else {
            for (flag, given) in [
                ("--prometheus-url", prometheus.prometheusURL != nil), ("--anomaly-window", anomalyWindow != "14d"), ("--anomaly-interval", anomalyInterval != nil),
            ] where given {
                throw ValidationError("\(flag) is read with --anomalies; add --anomalies or drop \(flag)")
            }
        }
        try fleet.check(
            context: cluster.context,
            singleClusterFlags: [("--prometheus-url", prometheus.prometheusURL != nil), ("--snapshot", snapshot != nil), ("--fix", fix), ("--watch", watch), ("--explain", explain), ("--cluster", cluster.cluster != nil), ("--user", cluster.user != nil)])
    }

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let llmConfiguration = try llmConfiguration(in: environment)
        if llmConfiguration == nil, explain || llm.requireLLM {
            throw CLIError.llmNotConfigured(flag: explain ? "--explain" : "--require-llm")
        }
        let logger = environment.logger(level: verbosity.logLevel)
        let suppressionRules = try suppression.rules(in: environment)
        let session = llmConfiguration.map { LLMSession(configuration: $0, anonymize: llm.anonymize, cached: !llm.noCache, environment: environment, logger: logger) }
        var request = DiagnoseRequest(
            source: snapshot.map(DiagnoseRequest.Source.snapshot) ?? .cluster(cluster.overrides),
            namespace: scope.allNamespaces ? nil : cluster.namespace,
            allNamespaces: scope.allNamespaces,
            excludedNamespaces: excludedNamespaces,
            options: DiagnosisOptions(
                analyzers: try analyzerSelection(), includeHygiene: hygiene,
                minimumAgeSeconds: minAge.flatMap(DurationText.seconds), targets: try targetList(),
                labelSelector: scope.selector.flatMap(LabelSelectorExpression.init), suppression: suppressionRules))
        if anomalies {
            request.anomalies = DiagnoseRequest.AnomalyHistory(
                prometheus: prometheus.access(cluster.overrides), windowSeconds: try parseFlag("--anomaly-window") { () throws(InvalidInput) in try DurationInput.seconds(anomalyWindow) },
                intervalSeconds: try anomalyInterval.map { interval in try parseFlag("--anomaly-interval") { () throws(InvalidInput) in try DurationInput.seconds(interval) } } ?? 600,
                watching: watch)
        }
        if fix || watch {
            let json = output == .json
            let stdout = environment.standardOutput
            let outcome = try await HealJob(environment: environment, logLevel: verbosity.logLevel).run(HealJob.Request(
                diagnose: request, fix: fix, watch: watch, yes: yes, heal: try heal.settings(namedNamespace: cluster.namespace), store: store.store,
                cluster: cluster.overrides, metricsAddress: metricsAddr, llm: session, leaderElection: leadership.election, recordEvents: recordEvents,
                reportConfigMaps: reportConfigmaps)
            ) { event in
                stdout.write((try? HealEventRenderer.line(event, json: json)) ?? "")
            }
            stdout.write(try HealEventRenderer.summary(outcome.summary, json: json))
            return outcome.exitCode(requireLLM: llm.requireLLM)
        }
        if fleet.selection(context: cluster.context).isFleet { return try await diagnoseFleet(request, in: environment) }
        let outcome = try await DiagnoseJob(environment: environment, logLevel: verbosity.logLevel).run(request)
        var report = outcome.report
        var llmFailed = false
        if explain, let session {
            (report, llmFailed) = await session.explain(report, snapshot: outcome.snapshot)
        }
        environment.standardOutput.write(try ReportRenderer.render(report, as: output, colors: environment.colorsStandardOutput))
        if llmFailed && llm.requireLLM { return ExitStatus.unavailable }
        guard let failOn else { return ExitStatus.success }
        return report.findings.contains { $0.severity >= failOn } ? ExitStatus.findings : ExitStatus.success
    }

    /// Several clusters: each diagnosed on its own, merged into one report; a cluster that
    /// failed is in `errors` with the exit code it alone would have given. The exit code is the
    /// highest of the clusters' (an error's, else 1 for findings at --fail-on, else 0).
    private func diagnoseFleet(_ request: DiagnoseRequest, in environment: AppEnvironment) async throws -> Int32 {
        let job = DiagnoseJob(environment: environment, logLevel: verbosity.logLevel)
        let fleet = try await fleet.run(cluster: cluster, in: environment) { overrides in
            var request = request
            request.source = .cluster(overrides)
            return try await job.run(request).report
        }
        let report = DiagnosisReport.fleet(fleet.reports, failures: fleet.failures, order: fleet.contexts, generatedAt: Timestamp(environment.now()))
        environment.standardOutput.write(try ReportRenderer.render(report, as: output, colors: environment.colorsStandardOutput))
        return fleet.exitCode(findings: failOn.map { failOn in report.findings.contains { $0.severity >= failOn } } ?? false)
    }

    /// The LLM, read only when this run may use it: a plain diagnosis never fails on an
    /// `OPENAI_BASE_URL` exported for other tools. Healing that did not ask for the LLM goes on
    /// without it, with a warning, when its configuration is bad.
    private func llmConfiguration(in environment: AppEnvironment) throws -> LLMConfiguration? {
        guard explain || fix || watch || llm.requireLLM else { return nil }
        // A Result rather than `catch where`: that form crashes the Swift 6.3 compiler here.
        let configuration: Result<LLMConfiguration?, AdvisorError>
        do {
            configuration = .success(try llm.configuration(in: environment))
        } catch {
            configuration = .failure(error)
        }
        if case .failure(let error) = configuration, !explain && !llm.requireLLM {
            environment.standardError.write("warning: LLM configuration ignored (\(error.description)); no LLM plans in this run\n")
            return nil
        }
        return try configuration.get()
    }

    private func targetList() throws -> [ResourceTarget] {
        try targets.map { text in try parseFlag(nil) { () throws(InvalidInput) in try TargetInput.object(text) } }
    }

    private func analyzerSelection() throws -> Set<String>? {
        guard let analyzers else { return nil }
        return try parseFlag(nil) { () throws(InvalidInput) in try DiagnosisInput.analyzers(analyzers.split(separator: ",").map(String.init)) }
    }
}
