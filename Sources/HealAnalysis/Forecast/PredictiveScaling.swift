import HealModel

/// Replicas for the forecast load: enough pods that each runs at the utilization target (the
/// HPA's CPU target, else --target-utilization), within the HPA's bounds.
package struct PredictiveScaling: Sendable, Encodable, Equatable {
    package struct Hour: Sendable, Encodable, Equatable {
        package var start: Timestamp
        package var replicas: Int
    }

    /// Percent of the CPU request each pod is kept at.
    package var targetUtilization: Int
    /// "hpa" or "--target-utilization".
    package var targetFrom: String
    package var cpuRequestPerPod: Double
    package var bounds: ReplicaBounds?
    /// The most replicas needed in each hour of the horizon.
    package var hours: [Hour]
    /// With an HPA: raise its minReplicas shortly before each peak, lower it after.
    package var schedule: PreScalingSchedule?

    static func replicas(cores: Double, perPod: Double, utilization: Int, bounds: ReplicaBounds?) -> Int {
        let needed = Int((cores / (perPod * Double(utilization) / 100)).rounded(.up))
        return Swift.min(Swift.max(needed, bounds?.min ?? 1), bounds?.max ?? Int.max)
    }
}

/// Two steps per recurring peak, as cron times in UTC: minReplicas raised `leadSeconds` before
/// the peak starts and put back `leadSeconds` after it ends; and what it costs a month against
/// keeping the peak's replicas all day.
package struct PreScalingSchedule: Sendable, Encodable, Equatable {
    package struct Step: Sendable, Encodable, Equatable {
        /// "prescale-up-1350", a name for the CronJob.
        package var name: String
        /// The next time it runs.
        package var time: Timestamp
        /// "50 13 * * *" (UTC).
        package var cron: String
        package var minReplicas: Int
    }

    package var autoscaler: String
    package var leadSeconds: Double
    package var steps: [Step]
    package var monthlyCost: Double
    package var alwaysOnMonthlyCost: Double
    package var currency: Currency

    static func make(
        peaks: [Peak], cpu: [ForecastPoint], scaling: PredictiveScaling, autoscaler: String, bounds: ReplicaBounds, podHourlyCost: Double,
        prices: PriceSheet, leadSeconds: Double
    ) -> PreScalingSchedule? {
        guard !peaks.isEmpty else { return nil }
        var steps: [Step] = []
        var peakHoursPerDay = 0.0
        var highest = bounds.min
        for peak in peaks {
            let load = cpu.filter { $0.time >= peak.start && $0.time <= peak.end }.map(\.value).max() ?? peak.height
            let replicas = PredictiveScaling.replicas(cores: load, perPod: scaling.cpuRequestPerPod, utilization: scaling.targetUtilization, bounds: bounds)
            guard replicas > bounds.min else { continue }
            highest = max(highest, replicas)
            let up = peak.start.secondsSince1970 - leadSeconds
            let down = peak.end.secondsSince1970 + leadSeconds
            steps.append(step("prescale-up", at: up, minReplicas: replicas))
            steps.append(step("prescale-down", at: down, minReplicas: bounds.min))
            peakHoursPerDay += Double(replicas - bounds.min) * (down - up) / 3600
        }
        guard !steps.isEmpty else { return nil }
        let days = prices.hoursPerMonth / 24
        return PreScalingSchedule(
            autoscaler: autoscaler, leadSeconds: leadSeconds, steps: steps,
            monthlyCost: days * (Double(bounds.min) * 24 + peakHoursPerDay) * podHourlyCost,
            alwaysOnMonthlyCost: days * Double(highest) * 24 * podHourlyCost, currency: prices.currency)
    }

    private static func step(_ prefix: String, at seconds: Double, minReplicas: Int) -> Step {
        let minute = Int((seconds.truncatingRemainder(dividingBy: 86_400) / 60).rounded(.down))
        let (hour, minuteOfHour) = ((minute / 60 + 24) % 24, (minute % 60 + 60) % 60)
        let clock = String(format: "%02d%02d", hour, minuteOfHour)
        return Step(
            name: "\(prefix)-\(clock)", time: Timestamp(secondsSince1970: seconds), cron: "\(minuteOfHour) \(hour) * * *", minReplicas: minReplicas)
    }
}
