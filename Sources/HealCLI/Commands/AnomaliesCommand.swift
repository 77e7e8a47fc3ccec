import ArgumentParser
import HealAnalysis
import HealApp
import HealModel

/// `kubectl heal anomalies [TYPE/NAME]`
struct AnomaliesCommand: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "anomalies",
        abstract: "Predict failures from usage history: OOM kills to come, memory that keeps growing, level shifts, outliers against last week, restart jumps, CPU throttling.",
        discussion: """
            Reads each container's memory working set (the last 4 days at one point every 5 minutes, the highest sample \
            of each; the rest of --window, 14 days by default, as each hour's median), its CPU per hour and kube-state-metrics' restart counters from Prometheus: \
            --prometheus-url, else a Prometheus Service of the usual charts found in the cluster. Each detector is \
            deterministic and says what it rests on.

            oom-predicted: a saw-tooth that climbs to the memory limit and falls back (killed) again and again, \
            with its period, the resets seen and, per pod, the next kill (from its own period and its current climb); \
            or a steady rise (robust Theil-Sen trend over the last 3 days) that reaches the limit within 7 days, with \
            the span the trend allows.

            memory-growth: a steady rise with the limit further than 7 days away, or with no limit at all.

            usage-shift: memory or CPU changed against its own history, for a day or more after a steady baseline of \
            two days: settled at another level (at least 20 % and 32Mi or 50m, five times its spread, its daily rhythm \
            taken out, and not where the same hours a week before were), or changed shape (steady, then swinging, or the \
            reverse: one side's spread four times the other's).

            usage-outlier: two hours or more of the last day far from the same hour a week before (six times the usual \
            week-on-week change's spread, and half again or half under it); needs 10 days of history.

            restart-rate-jump: at least 3 restarts in the last day, three times the daily rate of the days before and \
            under a 0.1 % chance at that rate (kube-state-metrics' kube_pod_container_status_restarts_total).

            cpu-throttled: the CPU limit throttled the container in at least 25 % of its CFS scheduling periods over the \
            last day (cAdvisor's container_cpu_cfs_throttled_periods_total over container_cpu_cfs_periods_total).

            A steady container yields nothing. One with under 3 hours of history gets "not enough history" (the same \
            minimum as recommend-limits).

            Examples:
              kubectl heal anomalies -n shop
              kubectl heal anomalies deployment/cache -n shop -o json
              kubectl heal anomalies -A --prometheus-url http://localhost:9090 --fail-on warning

            \(ExitStatus.table)
            """)

    @OptionGroup var workloads: WorkloadSelectionOptions

    @OptionGroup(title: "Cluster access") var cluster: ClusterOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var output: AnomalyFormat = .table

    @Option(help: ArgumentHelp("How much history to read (e.g. 14d, 3d, 12h).", valueName: "duration"))
    var window = "14d"

    @Option(help: "Exit 1 when an anomaly is at or above this severity (info, warning, critical).")
    var failOn: Severity?

    @OptionGroup(title: "Prometheus") var prometheus: PrometheusOptions

    @OptionGroup var verbosity: VerbosityOptions

    func validate() throws {
        let seconds = try parseFlag("--window") { () throws(InvalidInput) in try DurationInput.seconds(window) }
        guard AnomaliesJob.windowLimits.contains(seconds) else {
            throw ValidationError("--window \(window) is outside 1h…30d: shorter says nothing, longer passes Prometheus' 11,000 points per series at a 5-minute step")
        }
    }

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let report = try await AnomaliesJob(environment: environment, logLevel: verbosity.logLevel).run(AnomaliesJob.Request(
            inventory: try workloads.inventoryRequest(cluster: cluster), prometheus: prometheus.access(cluster.overrides),
            windowSeconds: try parseFlag("--window") { () throws(InvalidInput) in try DurationInput.seconds(window) }))
        environment.standardOutput.write(try AnomalyRenderer.render(report, as: output, at: Timestamp(environment.now())))
        guard let failOn else { return ExitStatus.success }
        return report.anomalies.contains { $0.severity >= failOn } ? ExitStatus.findings : ExitStatus.success
    }
}
