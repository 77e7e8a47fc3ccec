/// Inputs that reproduce a known calculator, for `--preset`.
package enum ScenarioPreset: String, Sendable, CaseIterable {
    /// The widely copied blue/green demo: 0.1 vCPU per pod at $0.12 per vCPU-hour, memory
    /// unpriced, 1 replica, 5 at peak for 2 h a day, 8 off hours — $8.76 always on, $17.52
    /// blue+green, $11.64 peak scaling, $5.88 scale-to-zero.
    case demo

    package var input: ScenarioInput {
        switch self {
        case .demo:
            ScenarioInput(
                perPod: ResourceAmounts(cpu: 0.1, memory: 0), replicas: 1, minReplicas: 1, peakReplicas: 5, peakHoursPerDay: 2,
                offHoursPerDay: 8, daysPerMonth: 30, standbyReplicas: 1,
                prices: PriceSheet(cpuPerCoreHour: 0.12, memoryPerGiBHour: 0, hoursPerMonth: 730))
        }
    }
}
