/// What a person sets over a workload's own figures for `cost scenarios`. The schedule
/// defaults are the demo calculator's: 2 peak hours and 8 off hours a day, 30 days.
package struct ScenarioOverrides: Sendable, Equatable {
    /// Over the HPA's maximum (else the workload's replicas).
    package var peakReplicas: Int?
    /// Over the HPA's minimum (else 1).
    package var minReplicas: Int?
    package var peakHoursPerDay: Double
    package var offHoursPerDay: Double
    package var daysPerMonth: Double
    package var standbyReplicas: Int

    package init(
        peakReplicas: Int? = nil, minReplicas: Int? = nil, peakHoursPerDay: Double = 2, offHoursPerDay: Double = 8,
        daysPerMonth: Double = 30, standbyReplicas: Int = 1
    ) {
        self.peakReplicas = peakReplicas
        self.minReplicas = minReplicas
        self.peakHoursPerDay = peakHoursPerDay
        self.offHoursPerDay = offHoursPerDay
        self.daysPerMonth = daysPerMonth
        self.standbyReplicas = standbyReplicas
    }
}
