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
        // A hair under: 0.07 / (0.1 × 0.1) is 7.000000000000001 in binary, and needs 7 pods, not 8.
        let needed = Int((cores / (perPod * Double(utilization) / 100) - 1e-9).rounded(.up))
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

    /// `end`: when the forecast starts; a step due before it is dated a day later (it runs
    /// daily).
    static func make(
        peaks: [Peak], scaling: PredictiveScaling, autoscaler: String, bounds: ReplicaBounds, podHourlyCost: Double, prices: PriceSheet,
        leadSeconds: Double, end: Double
    ) -> PreScalingSchedule? {
        // Each peak's window with its lead; windows that touch are one, at the higher replicas,
        // so a second peak's raise never comes before the first one's lowering.
        var windows: [(up: Double, down: Double, replicas: Int)] = []
        for peak in peaks.sorted(by: { $0.start < $1.start }) {
            let replicas = PredictiveScaling.replicas(
                cores: peak.height, perPod: scaling.cpuRequestPerPod, utilization: scaling.targetUtilization, bounds: bounds)
            guard replicas > bounds.min else { continue }
            let (up, down) = (peak.start.secondsSince1970 - leadSeconds, peak.end.secondsSince1970 + leadSeconds)
            if let last = windows.last, up <= last.down {
                windows[windows.count - 1] = (last.up, max(last.down, down), max(last.replicas, replicas))
            } else {
                windows.append((up, down, replicas))
            }
        }
        var steps: [Step] = []
        var peakHoursPerDay = 0.0
        var highest = bounds.min
        for window in windows {
            highest = max(highest, window.replicas)
            steps.append(step("prescale-up", at: window.up, minReplicas: window.replicas, after: end))
            steps.append(step("prescale-down", at: window.down, minReplicas: bounds.min, after: end))
            peakHoursPerDay += Double(window.replicas - bounds.min) * (window.down - window.up) / 3600
        }
        guard !steps.isEmpty else { return nil }
        let days = prices.hoursPerMonth / 24
        return PreScalingSchedule(
            autoscaler: autoscaler, leadSeconds: leadSeconds, steps: steps,
            monthlyCost: days * (Double(bounds.min) * 24 + peakHoursPerDay) * podHourlyCost,
            alwaysOnMonthlyCost: days * Double(highest) * 24 * podHourlyCost, currency: prices.currency)
    }

    private static func step(_ prefix: String, at seconds: Double, minReplicas: Int, after end: Double) -> Step {
        let minuteOfDay = Int((seconds / 60).rounded(.down)) % 1440
        let minute = (minuteOfDay + 1440) % 1440
        let (hour, minuteOfHour) = (minute / 60, minute % 60)
        let clock = String(format: "%02d%02d", hour, minuteOfHour)
        return Step(
            name: "\(prefix)-\(clock)", time: Timestamp(secondsSince1970: seconds < end ? seconds + 86_400 : seconds),
            cron: "\(minuteOfHour) \(hour) * * *", minReplicas: minReplicas)
    }
}
