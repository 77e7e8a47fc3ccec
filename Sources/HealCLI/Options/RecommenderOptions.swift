import ArgumentParser
import HealAnalysis
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
            guard value > 0, value <= 100 else { throw ValidationError("\(flag) \(Self.text(value)) is not a percentile; use a number above 0 and at most 100, e.g. 95") }
        }
        if let cpuLimitPercentile, cpuLimitPercentile < cpuPercentile {
            throw ValidationError("--cpu-limit-percentile \(Self.text(cpuLimitPercentile)) is below --cpu-percentile \(Self.text(cpuPercentile)): the limit would sit under the request")
        }
        guard memoryBuffer >= 0, memoryBuffer <= 1000 else {
            throw ValidationError("--memory-buffer \(Self.text(memoryBuffer)) is out of range; use a percentage from 0 to 1000, e.g. 15")
        }
        guard let cpu = Quantity(minCPU), cpu.value >= 0 else {
            throw ValidationError("--min-cpu \"\(minCPU)\" is not a CPU quantity; use e.g. 10m or 0.1")
        }
        guard let memory = Quantity(minMemory), memory.value >= 0 else {
            throw ValidationError("--min-memory \"\(minMemory)\" is not a memory quantity; use e.g. 100Mi or 1Gi")
        }
    }

    static func text(_ value: Double) -> String {
        PlainNumber.text(value, decimals: 6)
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
