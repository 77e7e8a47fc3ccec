import ArgumentParser
import HealActions
import HealAnalysis
import HealApp
import HealModel

/// `kubectl heal recommend-limits [TYPE/NAME]`
struct RecommendLimits: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend-limits",
        abstract: "Right-size CPU and memory requests/limits from Prometheus or metrics-server usage (OOM-aware).",
        discussion: """
            Per container: current → recommended requests and limits, the difference per pod and × replicas, \
            severity, confidence and why. CPU request = the --cpu-percentile of usage, no CPU limit unless \
            --cpu-limit-percentile is given; memory request = limit = peak × (1 + --memory-buffer/100), never below \
            the last OOM-kill limit raised by max(+100Mi, ×1.2) nor below what healing learned the workload needed; \
            floors --min-cpu/--min-memory. Under 3h of history or 100 samples the answer is "?" with the reason. \
            metrics-server results (current usage only) are always low confidence.

            Usage source (--usage-source auto): --prometheus-url, else a Prometheus Service of the usual charts \
            found in the cluster (reached through the API server's service proxy), else metrics-server.

            --apply changes Deployments: a plan, a server-side dry run, the patch under a resourceVersion \
            precondition, then the rollout is verified for --verify-for and rolled back if it does not hold.

            Examples:
              kubectl heal recommend-limits -n shop
              kubectl heal recommend-limits deployment/web -n shop --prometheus-url http://localhost:9090
              kubectl heal recommend-limits -A -o csv > sizes.csv
              kubectl heal recommend-limits -n shop -o patch | sh
              kubectl heal recommend-limits -n shop --fail-on critical
              kubectl heal recommend-limits deployment/web -n shop --apply --yes
              kubectl heal recommend-limits --all-contexts -n shop -o patch

            \(ExitStatus.table)
            """)

    @OptionGroup var workloads: WorkloadSelectionOptions

    @OptionGroup(title: "Cluster access") var cluster: ClusterOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var output: RecommendFormat = .table

    @Option(help: "Exit 1 when a container's change is at or above this severity (good, ok, warning, critical).")
    var failOn: SizingSeverity?

    @OptionGroup(title: "Usage") var usage: UsageOptions

    @OptionGroup(title: "Prometheus") var prometheus: PrometheusOptions

    @OptionGroup(title: "Recommendations") var recommender: RecommenderOptions

    @Flag(help: "Apply the recommendations to Deployments (plan, dry run, patch, verify the rollout, roll back).")
    var apply = false

    @Flag(help: "With --apply: do not ask for confirmation (for scripts).")
    var yes = false

    @Flag(help: "With --apply: also change objects managed by Argo CD or Flux (their sync will revert it unless Git changes too).")
    var force = false

    @Option(help: ArgumentHelp("With --apply: the healing policy that decides set-resources per workload (allow: no confirmation; deny: never).", valueName: "file"), completion: .file())
    var policy: String?

    @Option(help: ArgumentHelp("With --apply: how long the new pods must stay Ready without a restart.", valueName: "duration"))
    var verifyFor = "60s"

    @Option(help: ArgumentHelp("With --apply: how long a rollout may take before it is rolled back.", valueName: "duration"))
    var rolloutTimeout = "5m"

    @OptionGroup(title: "Learned values") var store: StoreOptions

    @OptionGroup(title: "Several clusters") var fleet: FleetOptions

    @OptionGroup var verbosity: VerbosityOptions

    func validate() throws {
        if let snapshot = workloads.snapshot, apply {
            throw ValidationError("--apply works on a live cluster; --snapshot \(snapshot) is files")
        }
        try workloads.checkUsageSource(usage, prometheus: prometheus)
        if apply {
            guard [.table, .json].contains(output) else { throw ValidationError("--apply reports with -o table or -o json") }
        } else {
            for (flag, given) in [("--yes", yes), ("--force", force), ("--verify-for", verifyFor != "60s"), ("--rollout-timeout", rolloutTimeout != "5m"), ("--policy", policy != nil)] where given {
                throw ValidationError("\(flag) applies to --apply; add --apply or drop \(flag)")
            }
        }
        for (flag, text) in [("--verify-for", verifyFor), ("--rollout-timeout", rolloutTimeout)] {
            try parseFlag(flag) { () throws(InvalidInput) in try DurationInput.seconds(text) }
        }
        try fleet.check(context: cluster.context, singleClusterFlags: workloads.singleClusterFlags(cluster: cluster, prometheus: prometheus) + [("--apply", apply)])
    }

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let policy = try HealPolicy.load(ifGiven: policy)
        if apply, !yes, policy == nil, environment.askUser == nil { throw CLIError.confirmationNeeded(flag: "--apply") }
        let job = RecommendJob(environment: environment, logLevel: verbosity.logLevel)
        if fleet.selection(context: cluster.context).isFleet { return try await recommendFleet(job, in: environment) }
        var outcome = try await job.run(try request())
        var code = ExitStatus.success
        if apply, let client = outcome.client {
            let guardRails = ResizeJob.GuardRails(
                yes: yes, force: force, namedNamespace: cluster.namespace, policy: policy, executor: HealExecutor.Settings(verifyFor: verifyFor, rolloutTimeout: rolloutTimeout))
            let results = try await job.apply(outcome, client: client, guardRails: guardRails)
            outcome.report.applied = results
            code = results.exitCode
        }
        environment.standardOutput.write(try RecommendationRenderer.render(
            outcome.report, as: output, at: Timestamp(environment.now()), colors: environment.colorsStandardOutput))
        if reachesFailOn(outcome.report) { code = ExitStatus.findings }
        return code
    }

    /// Several clusters: each sized on its own (its own Prometheus or metrics-server), merged
    /// into one report; the exit code is the highest of the clusters' (see `FleetOutcome`).
    private func recommendFleet(_ job: RecommendJob, in environment: AppEnvironment) async throws -> Int32 {
        let request = try request()
        let fleet = try await fleet.run(cluster: cluster, in: environment) { overrides in
            var request = request
            request.inventory.source = .cluster(overrides)
            request.cluster = overrides
            return try await job.run(request).report
        }
        let report = RecommendationReport.fleet(fleet.reports, failures: fleet.failures, order: fleet.contexts, settings: recommender.settings)
        environment.standardOutput.write(try RecommendationRenderer.render(
            report, as: output, at: Timestamp(environment.now()), colors: environment.colorsStandardOutput))
        return fleet.exitCode(findings: reachesFailOn(report))
    }

    private func request() throws -> RecommendJob.Request {
        RecommendJob.Request(
            inventory: try workloads.inventoryRequest(cluster: cluster),
            settings: recommender.settings, usage: usage.settings, prometheus: prometheus.access(cluster.overrides), store: store.store, cluster: cluster.overrides)
    }

    /// A container's change at or above --fail-on.
    private func reachesFailOn(_ report: RecommendationReport) -> Bool {
        guard let failOn else { return false }
        return report.workloads.flatMap(\.containers).contains { $0.severity != .unknown && $0.severity >= failOn }
    }
}

extension SizingSeverity: ExpressibleByArgument {}
