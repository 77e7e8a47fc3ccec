import ArgumentParser
import HealAnalysis
import HealApp
import HealModel

/// `kubectl heal forecast [TYPE/NAME]`
struct ForecastCommand: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast each workload's CPU and memory from its history: peaks, replicas, a pre-scaling schedule and capacity.",
        discussion: """
            Reads 14 days of each workload's CPU (cores, summed over its pods) and memory from Prometheus \
            (--prometheus-url, else one found in the cluster), one point every 10 minutes, and forecasts --horizon ahead \
            with the seasonal model a backtest on the last week chooses: the same time yesterday, the median of the same \
            time over the last 7 days, or the same time last week. The backtest's error (MAPE) is printed next to \
            "same as yesterday"'s, with a prediction interval from its errors. Peaks: spans the forecast stands well above \
            its median (half way to the top, the top at least 1.5 × the median), with start, duration and height.

            Predictive scaling: replicas per hour so each pod runs at the HPA's CPU utilization target (or \
            --target-utilization), within the HPA's bounds. With an HPA, a pre-scaling schedule raises minReplicas 10 \
            minutes before each peak and lowers it 10 minutes after, priced against keeping the peak's replicas all day; \
            -o patch prints it ready to apply: as CronJobs that patch the HPA, with their RBAC, or — when the cluster \
            serves KEDA's ScaledObjects, or with --schedule-as keda — as a ScaledObject with one cron trigger per peak and \
            the HPA's CPU target, which takes the existing HPA over. Capacity: the hour the summed CPU requests peak, \
            against the nodes' allocatable CPU.

            Under 2 days of history: "not enough history".

            Examples:
              kubectl heal forecast -n shop
              kubectl heal forecast deployment/billing -n shop -o json
              kubectl heal forecast deployment/billing -n shop -o patch | kubectl apply -f -
              kubectl heal forecast -n shop --target-utilization 70 --horizon 48h

            \(ExitStatus.table)
            """)

    @OptionGroup var workloads: WorkloadSelectionOptions

    @OptionGroup(title: "Cluster access") var cluster: ClusterOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var output: ForecastFormat = .table

    @Option(help: ArgumentHelp("How far ahead to forecast (e.g. 24h, 3d; at most 7d).", valueName: "duration"))
    var horizon = "24h"

    @Option(help: ArgumentHelp("Percent of the CPU request each pod should run at, for workloads whose HPA does not say (or that have none).", valueName: "percent"))
    var targetUtilization: Int?

    @Option(help: "With -o patch: write the pre-scaling schedule as CronJobs, as a KEDA ScaledObject, or (auto) as a ScaledObject when the cluster serves KEDA.")
    var scheduleAs: PreScalingChoice = .auto

    @OptionGroup(title: "Prometheus") var prometheus: PrometheusOptions

    @OptionGroup var verbosity: VerbosityOptions

    func validate() throws {
        let seconds = try parseFlag("--horizon") { () throws(InvalidInput) in try DurationInput.seconds(horizon) }
        guard ForecastJob.horizonLimits.contains(seconds) else {
            throw ValidationError("--horizon \(horizon) is outside 1h…7d: a daily model from two weeks of history says nothing further")
        }
        if scheduleAs != .auto && output != .patch {
            throw ValidationError("--schedule-as says how -o patch writes the schedule; add -o patch")
        }
        if let targetUtilization, !(1...100).contains(targetUtilization) {
            throw ValidationError("--target-utilization \(targetUtilization) is not a percentage of the request; use 1…100")
        }
    }

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        var settings = WorkloadForecaster.Settings()
        settings.horizonSeconds = try parseFlag("--horizon") { () throws(InvalidInput) in try DurationInput.seconds(horizon) }
        settings.targetUtilization = targetUtilization
        var request = ForecastJob.Request(
            inventory: try workloads.inventoryRequest(cluster: cluster), prometheus: prometheus.access(cluster.overrides), settings: settings)
        // Only -o patch asks the cluster about KEDA: a table needs no discovery (nor its RBAC).
        if output == .patch {
            request.preScaling = scheduleAs.target
            request.askForKEDA = scheduleAs == .auto
        }
        let report = try await ForecastJob(environment: environment, logLevel: verbosity.logLevel).run(request)
        environment.standardOutput.write(try ForecastRenderer.render(report, as: output, at: Timestamp(environment.now())))
        return ExitStatus.success
    }
}
