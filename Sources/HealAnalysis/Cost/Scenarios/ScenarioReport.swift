/// What `kubectl heal cost scenarios` reports.
package struct ScenarioReport: Sendable, Equatable, Encodable {
    package var baseline: ScenarioID
    package var currency: Currency
    package var hoursPerMonth: Double
    package var perPod: ResourceAmounts
    package var prices: EffectivePrices
    /// In `ScenarioID.allCases` order.
    package var scenarios: [ScenarioResult]
    package var omitted: [OmittedScenario]
    package var missingRequests: [MissingRequest]

    package init(
        baseline: ScenarioID, currency: Currency, hoursPerMonth: Double, perPod: ResourceAmounts, prices: EffectivePrices,
        scenarios: [ScenarioResult], omitted: [OmittedScenario], missingRequests: [MissingRequest]
    ) {
        self.baseline = baseline
        self.currency = currency
        self.hoursPerMonth = hoursPerMonth
        self.perPod = perPod
        self.prices = prices
        self.scenarios = scenarios
        self.omitted = omitted
        self.missingRequests = missingRequests
    }
}
