import Foundation
import HealAnalysis
import HealModel
import Testing

@Suite("Hourly usage detectors: outliers against last week, CPU level shifts, restart-rate jumps")
struct UsageHistoryDetectorTests {
    static let end = 1_750_896_000.0
    static let ref = ResourceRef(kind: "Deployment", namespace: "shop", name: "api")

    /// One figure per hour over `days` up to `end`, each at the end of its hour.
    static func hours(days: Double, _ value: (Double) -> Double) -> [(time: Double, value: Double)] {
        stride(from: end - days * 86_400 + 3600, through: end, by: 3600).map { ($0, value($0)) }
    }

    /// 0.2 core, 0.6 from 09:00 to 11:00 UTC, with a small deterministic wobble.
    static func rhythm(_ time: Double) -> Double {
        let hour = Int(time.truncatingRemainder(dividingBy: 86_400) / 3600)
        return (hour >= 10 && hour <= 11 ? 0.6 : 0.2) + Double(Int(time / 3600) * 7919 % 5 - 2) * 0.002
    }

    static func outlier(_ hours: [(time: Double, value: Double)], _ measure: UsageMeasure = .cpu) -> Anomaly? {
        WeeklyOutlierDetector.detect(hours: hours, measure: measure, workload: ref, container: "app", end: end)
    }

    @Test("a daily rhythm that last week had too is no outlier; three hours far above it are, and the latest is named")
    func weeklyOutliers() throws {
        #expect(Self.outlier(Self.hours(days: 14, Self.rhythm)) == nil)
        let spike = Self.hours(days: 14) { $0 > Self.end - 3 * 3600 ? 1.5 : Self.rhythm($0) }
        let anomaly = try #require(Self.outlier(spike))
        #expect(anomaly.code == .usageOutlier && anomaly.severity == .warning)
        #expect(anomaly.summary.hasPrefix("CPU 1500m in the hour to 2025-06-26T00:00:00Z") && anomaly.summary.contains("3 hours of the last day"), "\(anomaly.summary)")
        #expect(anomaly.evidence.count == 4 && anomaly.evidence.last?.hasPrefix("week-on-week change over the 6d before: median ") == true, "\(anomaly.evidence)")
    }

    @Test("a drop to nothing is an outlier of its own (info); a small rise, a steady leak, noise and under ten days of history are not")
    func quietCases() throws {
        let drop = try #require(Self.outlier(Self.hours(days: 14) { $0 > Self.end - 2 * 3600 ? 0.01 : Self.rhythm($0) }))
        #expect(drop.severity == .info && drop.summary.contains("2 hours"), "\(drop.summary)")
        // 20 % up is within what "half again" allows, however steady the series.
        #expect(Self.outlier(Self.hours(days: 14) { $0 > Self.end - 3 * 3600 ? 0.24 : 0.2 }) == nil)
        // A leak's week-on-week change is the same every hour.
        #expect(Self.outlier(Self.hours(days: 14) { 100 * 1_048_576 + ($0 - Self.end + 14 * 86_400) / 3600 * 2 * 1_048_576 }, .memory) == nil)
        // Noise as wide as the spike: 0–1.6 cores, hour by hour at random.
        let noise = { (time: Double) in 1.6 * abs((sin(time / 3600 * 12.9898) * 43_758.5453).truncatingRemainder(dividingBy: 1)) }
        #expect(Self.outlier(Self.hours(days: 14) { $0 > Self.end - 3600 ? 1.5 : noise($0) }) == nil)
        #expect(Self.outlier(Self.hours(days: 9) { $0 > Self.end - 3 * 3600 ? 1.5 : 0.2 }) == nil, "one day of weekly changes before the last is too few")
        #expect(Self.outlier(Self.hours(days: 10) { $0 > Self.end - 3 * 3600 ? 1.5 : 0.2 }) != nil, "two days are enough")
        #expect(Self.outlier(Self.hours(days: 14) { $0 > Self.end - 3600 ? 1.5 : 0.2 }) == nil, "one hour alone is not enough (a rollout's warm-up)")
    }

    @Test("CPU settled at another level is a usage-shift in cores; a rise of 30m is too small to say")
    func cpuShift() throws {
        let shifted = Self.hours(days: 14) { $0 > Self.end - 3 * 86_400 ? 0.4 : 0.1 }
        let shift = try #require(ChangePointDetector.detect(hours: shifted, measure: .cpu, workload: Self.ref, container: "app"))
        #expect(shift.code == .usageShift && shift.summary.hasPrefix("CPU settled at another level around 2025-06-23T00:00:00Z: median 100m before, 400m since"), "\(shift.summary)")
        #expect(ChangePointDetector.detect(hours: Self.hours(days: 14) { $0 > Self.end - 3 * 86_400 ? 0.13 : 0.1 }, measure: .cpu, workload: Self.ref, container: "app") == nil)
    }

    @Test("a shape change: steady, then swinging to the limit, is a usage-shift of the pattern (warning); swinging, then steady, is info; swinging all along is nothing")
    func shapeChange() throws {
        let mebibyte = 1_048_576.0
        let changeAt = Self.end - 2 * 86_400
        // 40Mi rising to 240Mi over 4 hours, again and again (the phase kept positive before the change too).
        let swing = { (time: Double) in 40 * mebibyte + 200 * mebibyte * (((time - changeAt) / 3600).truncatingRemainder(dividingBy: 4) + 4).truncatingRemainder(dividingBy: 4) / 4 }
        let began = Self.hours(days: 14) { $0 <= changeAt ? 40 * mebibyte : swing($0) }
        let change = try #require(ChangePointDetector.detect(hours: began, measure: .memory, workload: Self.ref, container: "app"))
        #expect(change.code == .usageShift && change.severity == .warning, "\(change)")
        #expect(change.summary.hasPrefix("memory pattern changed around 2025-06-24T00:00:00Z: steady around 40Mi before, swinging between "), "\(change.summary)")
        let settled = try #require(ChangePointDetector.detect(hours: Self.hours(days: 14) { $0 <= changeAt ? swing($0) : 40 * mebibyte }, measure: .memory, workload: Self.ref, container: "app"))
        #expect(settled.severity == .info && settled.summary.contains("before, steady around 40Mi since"), "\(settled.summary)")
        #expect(ChangePointDetector.detect(hours: Self.hours(days: 14, swing), measure: .memory, workload: Self.ref, container: "app") == nil)
    }

    @Test("business hours every weekday and quiet weekends are rhythms, not changes, whatever hour the history ends at")
    func rhythmsAreNotChanges() {
        // 1 core from 08:00 to 17:00 UTC on weekdays, 0.2 otherwise; 2025-06-26 is a Thursday.
        let busy = { (time: Double) -> Double in
            let hour = Int(time.truncatingRemainder(dividingBy: 86_400) / 3600)
            let weekday = (Int(time / 86_400) + 4) % 7  // 0 = Sunday
            return (1...5).contains(weekday) && (8..<17).contains(hour) ? 1 : 0.2
        }
        for endHour in stride(from: 0.0, to: 24 * 7, by: 5) {
            let end = Self.end + endHour * 3600
            let hours = stride(from: end - 14 * 86_400 + 3600, through: end, by: 3600).map { ($0, busy($0)) }
            let change = ChangePointDetector.detect(hours: hours, measure: .cpu, workload: Self.ref, container: "app")
            #expect(change == nil, "ending \(Timestamp(secondsSince1970: end)): \(change?.summary ?? "")")
        }
    }

    @Test("restart-rate jumps: 12 in a day after 3 in 13 days is critical; no restart before and 3 now is a warning; a steady rate, or 2 restarts, says nothing")
    func restartJumps() throws {
        let thirteenDays = 13 * 86_400.0
        let jump = try #require(RestartJumpDetector.detect(workload: Self.ref, container: "app", recent: ["api-1": 7, "api-2": 5], earlier: 3, earlierSeconds: thirteenDays))
        #expect(jump.code == .restartRateJump && jump.severity == .critical && jump.summary == "12 restarts in the last day against 0.2 a day over the 13d before", "\(jump.summary)")
        #expect(jump.evidence.first == "api-1: 7 restarts in the last day", "\(jump.evidence)")
        let fresh = try #require(RestartJumpDetector.detect(workload: Self.ref, container: "app", recent: ["api-1": 3], earlier: 0, earlierSeconds: thirteenDays))
        #expect(fresh.severity == .warning && fresh.evidence.last == "that many at the old rate: a chance of 7e-05", "\(fresh.evidence)")
        #expect(RestartJumpDetector.detect(workload: Self.ref, container: "app", recent: ["api-1": 5.2], earlier: 62, earlierSeconds: thirteenDays) == nil, "its usual rate")
        #expect(RestartJumpDetector.detect(workload: Self.ref, container: "app", recent: ["api-1": 2], earlier: 0, earlierSeconds: thirteenDays) == nil)
    }
}
