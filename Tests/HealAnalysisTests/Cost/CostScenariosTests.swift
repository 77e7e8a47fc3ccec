import HealAnalysis
import HealModel
import Testing

@Suite("CostScenarios prices resilience strategies and compares them with a baseline")
struct CostScenariosTests {
    typealias F = CostFixtures

    static func demoReport(baseline: ScenarioID = .alwaysOn) throws -> ScenarioReport {
        try CostScenarios.evaluate(ScenarioPreset.demo.input, baseline: baseline)
    }

    @Test(
        "the demo preset reproduces the demo calculator to the cent",
        arguments: [
            // 1 × 730 × 0.1 × 0.12 = 8.76.
            (ScenarioID.alwaysOn, 876, "1 replica × 730 h × $0.012 per pod-hour"),
            // 2 × 8.76.
            (.blueGreen, 1752, "2 colours × 1 replica × 730 h × $0.012 per pod-hour"),
            // (2 × 30 × 5 + (730 − 60) × 1) × 0.012 = 970 × 0.012 = 11.64.
            (.peakScaling, 1164, "(5 replicas × 2 h × 30 days + 1 replica × 670 h) × $0.012 per pod-hour"),
            // (730 − 8 × 30) × 0.012 = 490 × 0.012 = 5.88.
            (.scaleToZero, 588, "1 replica × (730 h − 8 h × 30 days) × $0.012 per pod-hour; 0 replicas off-hours"),
            // (1 + 1) × 730 × 0.012.
            (
                .warmStandby, 1752,
                "(1 active + 1 standby replica) × 730 h × $0.012 per pod-hour; the standby colour runs all month, ready to take traffic at once"
            ),
            (
                .coldStandby, 876,
                "1 replica × 730 h × $0.012 per pod-hour; the standby colour is at 0 replicas and costs nothing until a failover scales it up"
            ),
        ])
    func demo(id: ScenarioID, cents: Int, explanation: String) throws {
        let scenario = try #require(try Self.demoReport().scenarios.first { $0.id == id })
        #expect(Money.cents(scenario.monthly) == cents)
        #expect(scenario.explanation == explanation)
    }

    @Test("without a recommendation right-sized is left out, with the reason")
    func rightSizedOmitted() throws {
        let report = try Self.demoReport()
        #expect(report.scenarios.map(\.id) == [.alwaysOn, .blueGreen, .peakScaling, .scaleToZero, .warmStandby, .coldStandby])
        #expect(report.omitted.map(\.id) == [.rightSized])
        #expect(report.omitted[0].reason.contains("no right-sizing recommendation"))
        #expect(throws: ScenarioError.baselineOmitted(.rightSized, reason: report.omitted[0].reason)) { try Self.demoReport(baseline: .rightSized) }
    }

    @Test(
        "savings against the baseline, negative when a scenario costs more",
        arguments: [
            // Against always-on ($8.76): blue-green costs $8.76 more, scale-to-zero saves $2.88 (2.88 / 8.76 = 32.88%).
            (ScenarioID.alwaysOn, ScenarioID.blueGreen, -876, -100.0),
            (.alwaysOn, .peakScaling, -288, -32.87671232876712),
            (.alwaysOn, .scaleToZero, 288, 32.87671232876712),
            (.alwaysOn, .alwaysOn, 0, 0),
            // Against blue-green ($17.52): always-on saves half.
            (.blueGreen, .alwaysOn, 876, 50),
            (.blueGreen, .coldStandby, 876, 50),
        ])
    func savings(baseline: ScenarioID, id: ScenarioID, cents: Int, percent: Double) throws {
        let report = try Self.demoReport(baseline: baseline)
        let scenario = try #require(report.scenarios.first { $0.id == id })
        #expect(report.baseline == baseline)
        #expect(Money.cents(scenario.savings) == cents)
        #expect(F.close(scenario.savingsPercent, percent))
    }

    @Test("right-sized uses the recommended requests, and the current one where a resource has none")
    func rightSized() throws {
        var input = ScenarioPreset.demo.input
        input.rightSizedPerPod = ResourceAmounts(cpu: 0.05, memory: nil)
        let scenario = try #require(try CostScenarios.evaluate(input).scenarios.first { $0.id == .rightSized })
        // 1 × 730 × 0.05 × 0.12 = 4.38, half of always-on.
        #expect(Money.cents(scenario.monthly) == 438)
        #expect(F.close(scenario.savingsPercent, 50))
        #expect(
            scenario.explanation
                == "1 replica × 730 h × $0.006 per pod-hour at the recommended requests (0.05 vCPU + 0 MiB per pod; memory as requested, no recommendation)")
    }

    @Test("memory is priced per GiB-hour beside CPU")
    func memoryPriced() throws {
        let input = ScenarioInput(
            perPod: ResourceAmounts(cpu: 0.25, memory: 512 * F.mebibyte), replicas: 2, minReplicas: 2, peakReplicas: 2, peakHoursPerDay: 0,
            offHoursPerDay: 0, prices: PriceSheet())
        // One pod-hour: 0.25 × 0.031611 + 0.5 × 0.004237 = 0.01002125; × 2 × 730 = 14.631025.
        let report = try CostScenarios.evaluate(input)
        #expect(F.close(report.scenarios[0].podHourCost, 0.01002125))
        #expect(Money.cents(report.scenarios[0].monthly) == 1463)
    }

    @Test(
        "the baseline is parsed from its id; an unknown name lists the valid ones",
        arguments: [
            ("always", #"unknown baseline "always"; valid: always-on, blue-green, peak-scaling, scale-to-zero, right-sized, warm-standby, cold-standby"#),
            (
                "blue-gren",
                #"unknown baseline "blue-gren" (did you mean blue-green?); valid: always-on, blue-green, peak-scaling, scale-to-zero, right-sized, warm-standby, cold-standby"#
            ),
        ])
    func unknownBaseline(name: String, message: String) {
        let error = #expect(throws: ScenarioError.self) { try ScenarioID(baseline: name) }
        #expect(error?.message == message)
        #expect(error == .unknownBaseline(name, valid: ScenarioID.allCases.map(\.rawValue)))
    }

    @Test("every id is a valid baseline")
    func baselines() throws {
        for id in ScenarioID.allCases { #expect(try ScenarioID(baseline: id.rawValue) == id) }
    }

    static func edited(_ edit: (inout ScenarioInput) -> Void) -> ScenarioInput {
        var input = ScenarioPreset.demo.input
        edit(&input)
        return input
    }

    @Test(
        "inputs that cannot describe a month are refused, naming the field",
        arguments: [
            (edited { $0.replicas = -1 }, ScenarioError.negativeReplicas(.replicas, value: -1), "replicas is -1; replicas cannot be negative"),
            (edited { $0.standbyReplicas = -2 }, .negativeReplicas(.standbyReplicas, value: -2), "standby-replicas is -2; replicas cannot be negative"),
            (edited { $0.peakReplicas = 0 }, .peakBelowMinimum(peak: 0, minimum: 1), "peak-replicas (0) is below min-replicas (1)"),
            (edited { $0.peakHoursPerDay = 25 }, .hoursPerDayOutOfRange(.peakHoursPerDay, value: 25), "peak-hours is 25, outside 0–24 hours a day"),
            (edited { $0.offHoursPerDay = -1 }, .hoursPerDayOutOfRange(.offHoursPerDay, value: -1), "off-hours is -1, outside 0–24 hours a day"),
            (
                edited { $0.peakHoursPerDay = 10; $0.offHoursPerDay = 16 }, .hoursDoNotFitInADay(peak: 10, off: 16),
                "peak-hours (10) and off-hours (16) add up to more than 24 hours a day"
            ),
            (edited { $0.daysPerMonth = 0 }, .daysPerMonthOutOfRange(value: 0), "days-per-month is 0, outside 1–31"),
            (
                edited { $0.offHoursPerDay = 24; $0.peakHoursPerDay = 0; $0.daysPerMonth = 31 },
                .moreHoursThanTheMonth(.offHoursPerDay, hours: 744, hoursPerMonth: 730),
                "off-hours × days-per-month is 744 h, more than the month's 730 h"
            ),
        ])
    func validation(input: ScenarioInput, expected: ScenarioError, message: String) {
        #expect(throws: expected) { try CostScenarios.evaluate(input) }
        #expect(expected.message == message)
    }

    @Test("a workload with an HPA: its requests per pod, the HPA's bounds, the missing requests listed")
    func fromWorkloadWithHPA() throws {
        let workload = F.workload(
            "web", replicas: 3, autoscaling: ReplicaBounds(min: 2, max: 10),
            containers: [F.container("app", cpu: 0.25, memoryMi: 256), F.container("sidecar", cpu: nil, memoryMi: 64)],
            nodeLabels: ["karpenter.sh/capacity-type": "spot"])
        let prices = PriceSheet(
            nodePools: [NodePoolPrices(name: "spot", nodeSelector: ["karpenter.sh/capacity-type": "spot"], spotDiscountPercent: 50)])
        let input = ScenarioInput.from(workload: workload, recommendation: nil, prices: prices)
        #expect(input.perPod == ResourceAmounts(cpu: 0.25, memory: 320 * F.mebibyte))
        #expect((input.replicas, input.minReplicas, input.peakReplicas) == (3, 2, 10))
        #expect((input.peakHoursPerDay, input.offHoursPerDay, input.daysPerMonth, input.standbyReplicas) == (2, 8, 30, 1))
        #expect(input.missingRequests.map(\.description) == ["container sidecar has no CPU request"])

        let report = try CostScenarios.evaluate(input)
        #expect(report.prices.nodePool == "spot")
        #expect(report.missingRequests == input.missingRequests)
        // One pod-hour at half price: (0.25 × 0.031611 + 0.3125 × 0.004237) × 0.5 = 0.00461340625;
        // peak scaling: (10 × 2 × 30 + 2 × 670) × that = 1940 × 0.00461340625 = 8.950008125.
        let peak = try #require(report.scenarios.first { $0.id == .peakScaling })
        #expect(F.close(peak.monthly, 8.950008125))
    }

    @Test(
        "replica bounds: an explicit peak wins over the HPA's maximum, which wins over the replicas",
        arguments: [
            (ReplicaBounds?.some(ReplicaBounds(min: 2, max: 10)), ScenarioOverrides(peakReplicas: 6), 2, 6),
            (ReplicaBounds(min: 2, max: 10), ScenarioOverrides(), 2, 10),
            (nil, ScenarioOverrides(), 1, 3),
            (nil, ScenarioOverrides(peakReplicas: 8, minReplicas: 3), 3, 8),
        ])
    func bounds(autoscaling: ReplicaBounds?, overrides: ScenarioOverrides, minimum: Int, peak: Int) {
        let workload = F.workload("web", replicas: 3, autoscaling: autoscaling, containers: [F.container("app", cpu: 0.1, memoryMi: 128)])
        let input = ScenarioInput.from(workload: workload, recommendation: nil, overrides: overrides, prices: PriceSheet())
        #expect(input.minReplicas == minimum)
        #expect(input.peakReplicas == peak)
        #expect(input.missingRequests.isEmpty)
    }
}
