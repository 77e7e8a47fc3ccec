import ArgumentParser
import HealAnalysis
import HealApp

/// The schedule and sizes `cost scenarios` prices. Defaults are the demo calculator's
/// schedule; the workload's own replicas and HPA bounds win over them unless given here.
struct ScenarioOptions: ParsableArguments, Sendable {
    @Option(help: "Reproduce a known calculator: demo (0.1 vCPU per pod at $0.12 per vCPU-hour, memory not priced, 730 h).")
    var preset: ScenarioPreset?

    @Option(help: ArgumentHelp("Savings are against this scenario: always-on, blue-green, peak-scaling, scale-to-zero, right-sized, warm-standby or cold-standby.", valueName: "name"))
    var baseline = ScenarioID.alwaysOn.rawValue

    @Option(help: ArgumentHelp("Without a TARGET: CPU one pod requests, e.g. 250m.", valueName: "quantity"))
    var cpuPerPod: String?

    @Option(help: ArgumentHelp("Without a TARGET: memory one pod requests, e.g. 256Mi.", valueName: "quantity"))
    var memoryPerPod: String?

    @Option(help: ArgumentHelp("Without a TARGET: replicas always on (default 1).", valueName: "n"))
    var replicas: Int?

    @Option(help: ArgumentHelp("Replicas off-peak (default: the HPA's minimum, else 1).", valueName: "n"))
    var minReplicas: Int?

    @Option(help: ArgumentHelp("Replicas during the peak hours (default: the HPA's maximum, else the replicas).", valueName: "n"))
    var peakReplicas: Int?

    @Option(help: ArgumentHelp("Peak hours per day.", valueName: "hours"))
    var peakHours = 2.0

    @Option(help: ArgumentHelp("Hours per day scaled to zero.", valueName: "hours"))
    var offHours = 8.0

    @Option(help: ArgumentHelp("Days per month the daily schedule repeats.", valueName: "days"))
    var daysPerMonth = 30.0

    @Option(help: ArgumentHelp("Replicas the standby colour keeps running in the warm-standby scenario.", valueName: "n"))
    var standbyReplicas = 1

    func validate() throws {
        _ = try baselineID()
        if let cpuPerPod { try parseFlag("--cpu-per-pod") { () throws(InvalidInput) in try SizingInput.cores(cpuPerPod) } }
        if let memoryPerPod { try parseFlag("--memory-per-pod") { () throws(InvalidInput) in try SizingInput.bytes(memoryPerPod) } }
    }

    func baselineID() throws -> ScenarioID {
        do {
            return try ScenarioID(baseline: baseline)
        } catch {
            throw ValidationError("\(error.message); \(error.hint)")
        }
    }

    var overrides: ScenarioOverrides {
        ScenarioOverrides(
            peakReplicas: peakReplicas, minReplicas: minReplicas, peakHoursPerDay: peakHours, offHoursPerDay: offHours,
            daysPerMonth: daysPerMonth, standbyReplicas: standbyReplicas)
    }

    /// The flags that describe a pod without a cluster.
    var describesPodOffline: Bool { cpuPerPod != nil || memoryPerPod != nil || replicas != nil }
}

extension ScenarioPreset: ExpressibleByArgument {}
