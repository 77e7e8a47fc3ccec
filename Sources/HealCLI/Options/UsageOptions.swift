import ArgumentParser
import HealApp
import HealModel

/// Where usage figures come from and over what window: `recommend-limits` and `cost`.
struct UsageOptions: ParsableArguments, Sendable {
    @Option(help: "Where usage comes from: auto (--prometheus-url, else a Prometheus found in the cluster, else metrics-server), prometheus, metrics-server or none.")
    var usageSource: UsageSettings.Source = .auto

    @Option(help: ArgumentHelp("How much Prometheus history to read, e.g. 14d, 36h.", valueName: "duration"))
    var history = "14d"

    @Option(help: ArgumentHelp("Resolution of the Prometheus history, e.g. 1m, 5m.", valueName: "duration"))
    var step = "1m"

    @Option(help: ArgumentHelp("With metrics-server: keep sampling for this long (e.g. 10m) to build a short local history.", valueName: "duration"))
    var sample: String?

    @Option(help: ArgumentHelp("With --sample: the interval between metrics-server samples.", valueName: "duration"))
    var every = "30s"

    func validate() throws {
        for (flag, text) in [("--history", history), ("--step", step), ("--every", every)] + (sample.map { [("--sample", $0)] } ?? []) {
            try parseFlag(flag) { () throws(InvalidInput) in try SizingInput.positiveDuration(text) }
        }
        if historySeconds < stepSeconds {
            throw ValidationError("--step \(step) is longer than --history \(history); use a step well below the history")
        }
        if sample != nil, usageSource == .prometheus || usageSource == .none {
            throw ValidationError("--sample samples metrics-server; it has no effect with --usage-source \(usageSource.rawValue)")
        }
        if let sampleSeconds, sampleSeconds < everySeconds {
            throw ValidationError("--sample \(sample ?? "") is shorter than --every \(every); sample for at least one interval")
        }
    }

    var historySeconds: Double { DurationText.seconds(history) ?? 0 }
    var stepSeconds: Double { DurationText.seconds(step) ?? 0 }
    var sampleSeconds: Double? { sample.flatMap(DurationText.seconds) }
    var everySeconds: Double { DurationText.seconds(every) ?? 30 }

    var settings: UsageSettings {
        UsageSettings(source: usageSource, historySeconds: historySeconds, stepSeconds: stepSeconds, sampleSeconds: sampleSeconds, everySeconds: everySeconds)
    }
}

extension UsageSettings.Source: ExpressibleByArgument {}
