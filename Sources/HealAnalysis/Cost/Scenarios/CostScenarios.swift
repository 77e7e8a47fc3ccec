/// Prices resilience strategies for one workload: every scenario is pod-hours a month × the
/// cost of one pod-hour (its CPU and memory requests at the effective prices), compared with
/// a baseline.
package enum CostScenarios {
    package static func evaluate(_ input: ScenarioInput, baseline: ScenarioID = .alwaysOn) throws(ScenarioError) -> ScenarioReport {
        try validate(input)
        let pricing = ScenarioPricing(input: input, prices: input.prices.prices(namespace: input.namespace, nodeLabels: input.nodeLabels))
        let baseMonthly: Double
        switch pricing.outcome(of: baseline) {
        case .priced(let podHours, let podHourCost, _): baseMonthly = podHours * podHourCost
        case .omitted(let reason): throw .baselineOmitted(baseline, reason: reason)
        }

        var scenarios: [ScenarioResult] = []
        var omitted: [OmittedScenario] = []
        for id in ScenarioID.allCases {
            switch pricing.outcome(of: id) {
            case .priced(let podHours, let podHourCost, let explanation):
                let monthly = podHours * podHourCost
                let savings = baseMonthly - monthly
                scenarios.append(
                    ScenarioResult(
                        id: id, explanation: explanation, podHours: podHours, podHourCost: podHourCost, monthly: monthly, savings: savings,
                        savingsPercent: baseMonthly > 0 ? savings / baseMonthly * 100 : nil))
            case .omitted(let reason):
                omitted.append(OmittedScenario(id: id, reason: reason))
            }
        }
        return ScenarioReport(
            baseline: baseline, currency: input.prices.currency, hoursPerMonth: input.prices.hoursPerMonth, perPod: input.perPod,
            prices: pricing.prices, scenarios: scenarios, omitted: omitted, missingRequests: input.missingRequests)
    }

    private static func validate(_ input: ScenarioInput) throws(ScenarioError) {
        let counts: [(ScenarioInput.Field, Int)] = [
            (.replicas, input.replicas), (.minReplicas, input.minReplicas), (.peakReplicas, input.peakReplicas),
            (.standbyReplicas, input.standbyReplicas),
        ]
        for (field, value) in counts where value < 0 { throw .negativeReplicas(field, value: value) }
        guard input.peakReplicas >= input.minReplicas else { throw .peakBelowMinimum(peak: input.peakReplicas, minimum: input.minReplicas) }
        let daily: [(ScenarioInput.Field, Double)] = [(.peakHoursPerDay, input.peakHoursPerDay), (.offHoursPerDay, input.offHoursPerDay)]
        for (field, value) in daily where !(0...24).contains(value) { throw .hoursPerDayOutOfRange(field, value: value) }
        guard input.peakHoursPerDay + input.offHoursPerDay <= 24 else {
            throw .hoursDoNotFitInADay(peak: input.peakHoursPerDay, off: input.offHoursPerDay)
        }
        guard (1...31).contains(input.daysPerMonth) else { throw .daysPerMonthOutOfRange(value: input.daysPerMonth) }
        for (field, value) in daily where value * input.daysPerMonth > input.prices.hoursPerMonth {
            throw .moreHoursThanTheMonth(field, hours: value * input.daysPerMonth, hoursPerMonth: input.prices.hoursPerMonth)
        }
    }
}
