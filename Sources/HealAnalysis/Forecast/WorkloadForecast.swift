import HealModel

/// One workload's forecast: CPU (cores, summed over its pods) and memory (bytes), with the
/// replicas the CPU forecast needs.
package struct WorkloadForecast: Sendable, Encodable, Equatable {
    package var workload: ResourceRef
    package var cpu: ResourceForecast?
    package var memory: ResourceForecast?
    package var scaling: PredictiveScaling?
}

/// Forecasts each workload from its history (see `SeasonalModel`, `Backtest`).
package enum WorkloadForecaster {
    package struct Settings: Sendable {
        package var horizonSeconds = 86_400.0
        /// The days the backtest scores (the last week, or what the history allows).
        package var backtestDays = 7.0
        /// A seasonal forecast needs a whole day behind each day it scores.
        package var minimumHistorySeconds = 2 * 86_400.0
        /// Stands in for an HPA's CPU target (percent of requests); nil: no scaling without an HPA.
        package var targetUtilization: Int?
        package var leadSeconds = 600.0
        package var prices = PriceSheet()

        package init() {}
    }

    package enum Outcome: Sendable {
        case forecast(WorkloadForecast)
        case shortHistory(ShortHistory)
    }

    package static func forecast(
        _ workload: WorkloadResources, cpu: [(time: Double, value: Double)], memory: [(time: Double, value: Double)], step: Double,
        memoryStep: Double? = nil, end: Double, settings: Settings
    ) -> Outcome {
        let history = end - min(cpu.first?.time ?? end, memory.first?.time ?? end)
        guard history >= settings.minimumHistorySeconds else {
            return .shortHistory(ShortHistory(
                workload: workload.ref, container: "*", historySeconds: history,
                reason: "not enough history: \(DurationText.format(seconds: max(0, history))) of usage, at least \(DurationText.format(seconds: settings.minimumHistorySeconds)) needed for a daily pattern"))
        }
        let days = min(settings.backtestDays, (history - 86_400) / 86_400)
        let cpuForecast = ResourceForecast.make(cpu, step: step, end: end, horizon: settings.horizonSeconds, backtestDays: days)
        let memoryForecast = ResourceForecast.make(memory, step: memoryStep ?? step, end: end, horizon: settings.horizonSeconds, backtestDays: days)
        return .forecast(WorkloadForecast(
            workload: workload.ref, cpu: cpuForecast, memory: memoryForecast,
            scaling: cpuForecast.flatMap { scaling(workload, $0, step: step, end: end, settings: settings) }))
    }

    private static func scaling(_ workload: WorkloadResources, _ cpu: ResourceForecast, step: Double, end: Double, settings: Settings) -> PredictiveScaling? {
        let perPod = workload.containers.compactMap(\.requests.cpu).reduce(0, +)
        let target = workload.autoscaling?.cpuUtilizationTarget.map { ($0, "hpa") } ?? settings.targetUtilization.map { ($0, "--target-utilization") }
        // A target of 0 (only snapshot files can hold one: the API server refuses it) scales nothing.
        guard perPod > 0, let (utilization, from) = target, utilization > 0 else { return nil }
        // A point is the rate over the step that ends at it: it belongs to the hour that step is in.
        let byHour = Dictionary(grouping: cpu.points) { Int((($0.time.secondsSince1970 - step) / 3600).rounded(.down)) }
        let hours = byHour.keys.sorted().map { hour in
            PredictiveScaling.Hour(
                start: Timestamp(secondsSince1970: Double(hour) * 3600),
                replicas: PredictiveScaling.replicas(
                    cores: byHour[hour]?.map(\.value).max() ?? 0, perPod: perPod, utilization: utilization, bounds: workload.autoscaling))
        }
        var scaling = PredictiveScaling(
            targetUtilization: utilization, targetFrom: from, cpuRequestPerPod: perPod, bounds: workload.autoscaling, hours: hours, schedule: nil)
        if let bounds = workload.autoscaling, let autoscaler = bounds.autoscaler {
            let memoryPerPod = workload.containers.compactMap(\.requests.memory).reduce(0, +)
            let podHourly = perPod * settings.prices.cpuPerCoreHour + memoryPerPod / 1_073_741_824 * settings.prices.memoryPerGiBHour
            scaling.schedule = PreScalingSchedule.make(
                peaks: cpu.peaks, scaling: scaling, autoscaler: autoscaler, bounds: bounds, podHourlyCost: podHourly, prices: settings.prices,
                leadSeconds: settings.leadSeconds, end: end)
        }
        return scaling
    }
}
