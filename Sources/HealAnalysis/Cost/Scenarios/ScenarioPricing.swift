/// The arithmetic of each scenario for one validated input: pod-hours a month, the cost of one
/// pod-hour and the line that explains them.
struct ScenarioPricing {
    enum Outcome {
        case priced(podHours: Double, podHourCost: Double, explanation: String)
        case omitted(reason: String)
    }

    let input: ScenarioInput
    let prices: EffectivePrices

    func outcome(of id: ScenarioID) -> Outcome {
        let replicaCount = Double(input.replicas)
        switch id {
        case .alwaysOn:
            return .priced(podHours: replicaCount * hours, podHourCost: podHour, explanation: "\(replicas) × \(month) × \(rate)")
        case .blueGreen:
            return .priced(podHours: 2 * replicaCount * hours, podHourCost: podHour, explanation: "2 colours × \(replicas) × \(month) × \(rate)")
        case .peakScaling:
            let peak = input.peakHoursPerDay * input.daysPerMonth
            return .priced(
                podHours: Double(input.peakReplicas) * peak + Double(input.minReplicas) * (hours - peak), podHourCost: podHour,
                explanation: "(\(Wording.count(input.peakReplicas, "replica")) × \(Self.number(input.peakHoursPerDay)) h × \(days)"
                    + " + \(Wording.count(input.minReplicas, "replica")) × \(Self.number(hours - peak)) h) × \(rate)")
        case .scaleToZero:
            return .priced(
                podHours: replicaCount * (hours - input.offHoursPerDay * input.daysPerMonth), podHourCost: podHour,
                explanation: "\(replicas) × (\(month) − \(Self.number(input.offHoursPerDay)) h × \(days)) × \(rate); 0 replicas off-hours")
        case .rightSized:
            guard let recommended = input.rightSizedPerPod else {
                return .omitted(reason: "no right-sizing recommendation: recommend-limits needs usage history for this workload")
            }
            let pod = ResourceAmounts(cpu: recommended.cpu ?? input.perPod.cpu, memory: recommended.memory ?? input.perPod.memory)
            let cost = Self.cost(of: pod, at: prices)
            return .priced(
                podHours: replicaCount * hours, podHourCost: cost,
                explanation: "\(replicas) × \(month) × \(Money.rate(cost, currency: currency)) per pod-hour at the recommended requests"
                    + " (\(Self.describe(pod)) per pod\(Self.unrecommended(recommended)))")
        case .warmStandby:
            return .priced(
                podHours: Double(input.replicas + input.standbyReplicas) * hours, podHourCost: podHour,
                explanation: "(\(input.replicas) active + \(Wording.count(input.standbyReplicas, "standby replica"))) × \(month) × \(rate);"
                    + " the standby colour runs all month, ready to take traffic at once")
        case .coldStandby:
            return .priced(
                podHours: replicaCount * hours, podHourCost: podHour,
                explanation: "\(replicas) × \(month) × \(rate); the standby colour is at 0 replicas and costs nothing until a failover scales it up")
        }
    }

    /// One pod-hour: cores × CPU price + GiB × memory price; a missing amount counts as 0.
    static func cost(of pod: ResourceAmounts, at prices: EffectivePrices) -> Double {
        (pod.cpu ?? 0) * prices.cpuPerCoreHour + (pod.memory ?? 0) / CostModel.bytesPerGiB * prices.memoryPerGiBHour
    }

    private var hours: Double { input.prices.hoursPerMonth }
    private var currency: Currency { input.prices.currency }
    private var podHour: Double { Self.cost(of: input.perPod, at: prices) }
    private var rate: String { "\(Money.rate(podHour, currency: currency)) per pod-hour" }
    private var replicas: String { Wording.count(input.replicas, "replica") }
    private var month: String { "\(Self.number(hours)) h" }
    private var days: String { "\(Self.number(input.daysPerMonth)) days" }

    /// "0.25 vCPU + 256 MiB".
    private static func describe(_ pod: ResourceAmounts) -> String {
        "\(PlainNumber.text(pod.cpu ?? 0, decimals: 3)) vCPU + \(PlainNumber.text((pod.memory ?? 0) / 1_048_576, decimals: 1)) MiB"
    }

    /// "; CPU as requested, no recommendation" for a resource the recommendation leaves out.
    private static func unrecommended(_ recommended: ResourceAmounts) -> String {
        let kept = [(PricedResource.cpu, recommended.cpu), (.memory, recommended.memory)].filter { $0.1 == nil }.map(\.0.displayName)
        return kept.isEmpty ? "" : "; \(Wording.list(kept)) as requested, no recommendation"
    }

    private static func number(_ value: Double) -> String {
        PlainNumber.text(value, decimals: 2)
    }
}
