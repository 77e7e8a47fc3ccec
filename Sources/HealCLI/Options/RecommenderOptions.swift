import ArgumentParser
import HealAnalysis
import HealApp
import HealModel

/// How recommendations are computed from usage (krr/VPA defaults).
struct RecommenderOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp("CPU request = this percentile of CPU usage.", valueName: "percent"))
    var cpuPercentile = 95.0

    @Option(help: ArgumentHelp("Also set a CPU limit at this percentile of usage (default: no CPU limit).", valueName: "percent"))
    var cpuLimitPercentile: Double?

    @Option(help: ArgumentHelp("Memory request = limit = peak usage plus this many percent.", valueName: "percent"))
    var memoryBuffer = 15.0

    @Option(help: ArgumentHelp("Never recommend a CPU request below this.", valueName: "quantity"))
    var minCPU = "10m"

    @Option(help: ArgumentHelp("Never recommend memory below this.", valueName: "quantity"))
    var minMemory = "100Mi"

    func validate() throws {
        for (flag, value) in [("--cpu-percentile", cpuPercentile)] + (cpuLimitPercentile.map { [("--cpu-limit-percentile", $0)] } ?? []) {
            try parseFlag(flag) { () throws(InvalidInput) in try SizingInput.percentile(value) }
        }
        if let cpuLimitPercentile, cpuLimitPercentile < cpuPercentile {
            throw ValidationError("--cpu-limit-percentile \(SizingInput.text(cpuLimitPercentile)) is below --cpu-percentile \(SizingInput.text(cpuPercentile)): the limit would sit under the request")
        }
        try parseFlag("--memory-buffer") { () throws(InvalidInput) in try SizingInput.memoryBuffer(memoryBuffer) }
        try parseFlag("--min-cpu") { () throws(InvalidInput) in try SizingInput.cores(minCPU) }
        try parseFlag("--min-memory") { () throws(InvalidInput) in try SizingInput.bytes(minMemory) }
    }
}

extension RecommenderOptions {
    /// The recommender's settings from the flags (validated).
    var settings: RecommenderSettings {
        RecommenderSettings(
            cpuPercentile: cpuPercentile, cpuLimitPercentile: cpuLimitPercentile, memoryBufferPercent: memoryBuffer,
            minimumCPUCores: Quantity(minCPU)?.value ?? 0.010, minimumMemoryBytes: Quantity(minMemory)?.value ?? 100 * 1_048_576)
    }
}
