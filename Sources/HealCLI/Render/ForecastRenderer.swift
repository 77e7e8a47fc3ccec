import HealAnalysis
import HealApp
import HealModel

/// Renders a forecast in the format `-o` asked for; `patch` writes each pre-scaling schedule
/// as CronJobs with the RBAC they need.
enum ForecastRenderer {
    static let kind = "ForecastReport"

    static func render(_ report: ForecastReport, as format: ForecastFormat, at time: Timestamp) throws -> String {
        switch format {
        case .table: table(report)
        case .json: try ReportRenderer.json(VersionedDocument(kind: kind, body: report, generatedAt: time))
        case .yaml: try ReportRenderer.yaml(VersionedDocument(kind: kind, body: report, generatedAt: time))
        case .markdown: markdown(report)
        case .patch: ForecastPatch.manifests(report)
        }
    }

    /// One row per workload, then each schedule, the capacity and what had too little history.
    static func table(_ report: ForecastReport) -> String {
        var text = ""
        if !report.workloads.isEmpty {
            var table = TextTable(headers: ["namespace", "workload", "model", "backtest mape", "cpu peaks", "memory", "replicas"])
            for forecast in report.workloads {
                table.rows.append([
                    forecast.workload.namespace ?? "", forecast.workload.typeAndName, forecast.cpu?.backtest.model.rawValue ?? "-",
                    forecast.cpu.map { mape($0.backtest) } ?? "-", forecast.cpu.map(peaks) ?? "-",
                    forecast.memory.map { "up to " + Quantity.formatBytes($0.points.map(\.value).max() ?? 0) } ?? "-", replicas(forecast.scaling),
                ].map { TextTable.Cell(text: $0) })
            }
            text += table.render()
        }
        let schedules = report.workloads.compactMap { forecast in forecast.scaling?.schedule.map { schedule(forecast.workload, $0) } }
        if !schedules.isEmpty { text += "\n" + schedules.joined(separator: "\n") + "\n" }
        if let capacity = report.capacity { text += "\n" + capacityLine(capacity) + "\n" }
        if !report.notEnoughHistory.isEmpty {
            text += "\n" + report.notEnoughHistory.map { "? \($0.workload.namespace ?? "")/\($0.workload.typeAndName): \($0.reason)\n" }.joined()
        }
        let horizon = DurationText.format(seconds: report.metadata.horizonSeconds)
        return text + "\nForecast \(horizon) after \(report.metadata.end) from \(DurationText.format(seconds: report.metadata.historySeconds)) of \(report.metadata.prometheus).\n"
    }

    static func markdown(_ report: ForecastReport) -> String {
        var text = "# Forecast\n\n"
        for forecast in report.workloads {
            text += "## \(forecast.workload.namespace ?? "")/\(forecast.workload.typeAndName)\n\n"
            if let cpu = forecast.cpu {
                text += "- CPU: model `\(cpu.backtest.model.rawValue)`, backtest MAPE \(mape(cpu.backtest)); peaks: \(peaks(cpu))\n"
            }
            if let memory = forecast.memory { text += "- Memory: up to \(Quantity.formatBytes(memory.points.map(\.value).max() ?? 0))\n" }
            text += "- Replicas: \(replicas(forecast.scaling))\n"
            if let plan = forecast.scaling?.schedule { text += "- " + schedule(forecast.workload, plan) + "\n" }
            text += "\n"
        }
        if let capacity = report.capacity { text += capacityLine(capacity) + "\n" }
        return text
    }

    /// "7.9% (yesterday 14.2%)".
    static func mape(_ backtest: Backtest) -> String {
        String(format: "%.1f%% (yesterday %.1f%%)", backtest.mape * 100, backtest.baselineMAPE * 100)
    }

    /// "14:00–16:00 at 912m" for each peak, "none" without.
    static func peaks(_ forecast: ResourceForecast) -> String {
        guard !forecast.peaks.isEmpty else { return "none" }
        return forecast.peaks.map { "\(TimelineText.clock($0.start))–\(TimelineText.clock($0.end)) at \(Quantity.formatCores($0.height))" }
            .joined(separator: ", ")
    }

    /// "1–7 (HPA 1–10, 60% of 250m)".
    static func replicas(_ scaling: PredictiveScaling?) -> String {
        guard let scaling, let low = scaling.hours.map(\.replicas).min(), let high = scaling.hours.map(\.replicas).max() else { return "-" }
        let bounds = scaling.bounds.map { "HPA \($0.min)–\($0.max), " } ?? ""
        return "\(low)–\(high) (\(bounds)\(scaling.targetUtilization)% of \(Quantity.formatCores(scaling.cpuRequestPerPod)))"
    }

    static func schedule(_ workload: ResourceRef, _ schedule: PreScalingSchedule) -> String {
        let steps = schedule.steps.map { "minReplicas \($0.minReplicas) at \(TimelineText.clock($0.time)) UTC" }.joined(separator: ", ")
        let money = { Money.format($0, currency: schedule.currency) }
        return "\(workload.namespace ?? "")/\(workload.typeAndName): pre-scale HPA \(schedule.autoscaler): \(steps); "
            + "\(money(schedule.monthlyCost))/month against \(money(schedule.alwaysOnMonthlyCost)) at the peak's replicas all day (-o patch writes it)"
    }

    static func capacityLine(_ capacity: ForecastReport.Capacity) -> String {
        String(
            format: "Capacity: at %@ UTC the CPU requests reach %@ of %@ allocatable (%.0f%%).", TimelineText.clock(capacity.hour),
            Quantity.formatCores(capacity.requestedCores), Quantity.formatCores(capacity.allocatableCores), capacity.share * 100)
    }
}
