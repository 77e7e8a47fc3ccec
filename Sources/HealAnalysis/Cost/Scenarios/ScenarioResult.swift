/// One priced scenario and how it compares with the baseline.
package struct ScenarioResult: Sendable, Equatable, Encodable {
    package var id: ScenarioID
    package var title: String
    /// The arithmetic in one line, with the figures used.
    package var explanation: String
    /// Pod-hours a month, over all replicas.
    package var podHours: Double
    package var podHourCost: Double
    package var monthly: Double
    /// Baseline − this scenario: negative when it costs more.
    package var savings: Double
    /// Savings as a percentage of the baseline; nil when the baseline costs nothing.
    package var savingsPercent: Double?

    package init(
        id: ScenarioID, explanation: String, podHours: Double, podHourCost: Double, monthly: Double, savings: Double,
        savingsPercent: Double?
    ) {
        self.id = id
        self.title = id.title
        self.explanation = explanation
        self.podHours = podHours
        self.podHourCost = podHourCost
        self.monthly = monthly
        self.savings = savings
        self.savingsPercent = savingsPercent
    }
}
