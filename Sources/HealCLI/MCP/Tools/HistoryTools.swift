import HealAnalysis
import HealApp
import HealModel
import MCP

/// anomalies and forecast: `kubectl heal anomalies` and `kubectl heal forecast` as tools, from
/// the server's Prometheus (its --prometheus-url, else one found in the cluster).
enum HistoryTools {
    static let all = [anomalies, forecast]

    private static let selection: [String: Value] = SizingTools.selection.filter { !["usage_source", "history"].contains($0.key) }

    static let anomalies = ToolDefinition(
        name: "anomalies", title: "Predict failures from usage history",
        description: """
            Per container, what its Prometheus history says will fail: oom-predicted (a saw-tooth reaching the memory limit, \
            with each pod's next kill, or a rise that reaches it within 7 days), memory-growth, usage-shift, usage-outlier \
            (against the same hour last week), restart-rate-jump and cpu-throttled, each with its evidence; and the \
            containers with too little history. The same document as `kubectl heal anomalies -o json`. Read-only.
            """,
        properties: selection.merging(["window": Schema.string("How much history to read, 1h to 30d (default 14d).")]) { first, _ in first }
    ) { arguments, call in
        let choice = try arguments.namespace(in: call.settings.scope)
        let window = try arguments.parsed("window", DurationInput.seconds) ?? 14 * 86_400
        guard AnomaliesJob.windowLimits.contains(window) else { throw arguments.misuse("\"window\" must be between 1h and 30d") }
        let report = try await AnomaliesJob(environment: call.environment, logLevel: call.logLevel).run(AnomaliesJob.Request(
            inventory: try SizingTools.inventory(arguments, choice, call), prometheus: call.settings.prometheus, windowSeconds: window))
        return try ToolAnswer(json: try AnomalyRenderer.render(report, as: .json, at: Timestamp(call.environment.now())))
    }

    static let forecast = ToolDefinition(
        name: "forecast", title: "Forecast load, peaks and replicas",
        description: """
            Per workload, CPU and memory forecast over the horizon from a seasonal model chosen by a backtest (its MAPE \
            beside "same as yesterday"'s), the recurring peaks, replicas per hour at the HPA's CPU target, a pre-scaling \
            schedule with its cost, and capacity against node allocatable. The same document as \
            `kubectl heal forecast -o json`. Read-only.
            """,
        properties: selection.merging([
            "horizon": Schema.string("How far ahead, 1h to 7d (default 24h)."),
            "target_utilization": Schema.integer("Percent of the CPU request each pod should run at, for workloads whose HPA does not say.", minimum: 1),
        ]) { first, _ in first }
    ) { arguments, call in
        let choice = try arguments.namespace(in: call.settings.scope)
        var settings = WorkloadForecaster.Settings()
        settings.horizonSeconds = try arguments.parsed("horizon", DurationInput.seconds) ?? settings.horizonSeconds
        guard ForecastJob.horizonLimits.contains(settings.horizonSeconds) else { throw arguments.misuse("\"horizon\" must be between 1h and 7d") }
        settings.targetUtilization = try arguments.integer("target_utilization")
        if let target = settings.targetUtilization, target > 100 { throw arguments.misuse("\"target_utilization\" is a percentage of the request: 1 to 100") }
        let report = try await ForecastJob(environment: call.environment, logLevel: call.logLevel).run(ForecastJob.Request(
            inventory: try SizingTools.inventory(arguments, choice, call), prometheus: call.settings.prometheus, settings: settings))
        return try ToolAnswer(json: try ForecastRenderer.render(report, as: .json, at: Timestamp(call.environment.now())))
    }
}
