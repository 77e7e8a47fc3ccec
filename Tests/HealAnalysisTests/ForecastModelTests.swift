@testable import HealAnalysis
import HealModel
import Testing

@Suite("Forecast: the seasonal models, their backtest, peaks and pre-scaling times")
struct ForecastModelTests {
    static let day = 86_400.0
    static let end = 1_750_896_000.0

    /// 10 days, one point every 5 minutes: `level(day index, seconds into the day)`.
    static func series(_ level: (Int, Double) -> Double) -> [(time: Double, value: Double)] {
        stride(from: end - 10 * day + 300, through: end, by: 300).map { time in
            (time, level(Int((time / day).rounded(.down)), time.truncatingRemainder(dividingBy: day)))
        }
    }

    @Test("on days that each differ by a factor, the 7-day median beats yesterday; on a steady rhythm, yesterday wins the tie")
    func backtest() throws {
        let factors = [1.0, 1.2, 0.8, 1.1, 0.9, 1.25, 0.75, 1.0, 1.15, 0.85, 1.05]
        let noisy = SeasonalModel.Series(Self.series { day, _ in factors[day % factors.count] }, step: 300)
        let chosen = try #require(Backtest.choose(noisy, days: 7))
        #expect(chosen.model == .dailyMedian && chosen.mape < chosen.baselineMAPE, "\(chosen)")
        let steady = SeasonalModel.Series(Self.series { _, seconds in seconds < 3600 ? 2 : 1 }, step: 300)
        let exact = try #require(Backtest.choose(steady, days: 7))
        #expect(exact.model == .yesterday && exact.mape == 0 && exact.lowerError == 0 && exact.upperError == 0)
    }

    @Test("a peak starts a step before its first high point (a rate covers the step before it) and needs the top at 1.5 × the median")
    func peaks() throws {
        let points = Self.series { _, seconds in (14 * 3600 < seconds && seconds <= 16 * 3600) ? 0.9 : 0.1 }
        let forecast = try #require(ResourceForecast.make(points, step: 300, end: Self.end, horizon: Self.day, backtestDays: 7))
        let peak = try #require(forecast.peaks.first)
        #expect(forecast.peaks.count == 1 && peak.start.secondsSince1970 == Self.end + 14 * 3600 && peak.durationSeconds == 2 * 3600 && peak.height == 0.9)
        let flat = try #require(ResourceForecast.make(Self.series { _, seconds in seconds < 3600 ? 1.2 : 1 }, step: 300, end: Self.end, horizon: Self.day, backtestDays: 7))
        #expect(flat.peaks.isEmpty, "1.2 × the usual level is no peak")
    }

    @Test("forecast from the middle of a peak: one daily peak dated by its next whole occurrence, not a tail today and a head tomorrow")
    func peakUnderWay() throws {
        let now = Self.end + 15 * 3600 + 7 * 60 + 9
        let points = stride(from: Self.end - 10 * Self.day + 300, through: now, by: 300).map { time -> (time: Double, value: Double) in
            let seconds = time.truncatingRemainder(dividingBy: Self.day)
            return (time, (14 * 3600 < seconds && seconds <= 16 * 3600) ? 0.9 : 0.1)
        }
        let forecast = try #require(ResourceForecast.make(points, step: 300, end: now, horizon: Self.day, backtestDays: 7))
        #expect(forecast.points.first?.time.secondsSince1970 == Self.end + 15 * 3600 + 10 * 60, "on the step grid")
        #expect(forecast.peaks.count == 1, "\(forecast.peaks)")
        #expect(forecast.peaks.first?.start.secondsSince1970 == Self.end + Self.day + 14 * 3600 && forecast.peaks.first?.durationSeconds == 2 * 3600)
    }

    @Test("peaks closer than twice the lead are one pre-scaling window at the higher replicas; a step already past today is dated tomorrow")
    func closePeaksMerge() {
        let hour = 3600.0
        let peak = { (start: Double, hours: Double, height: Double) in
            Peak(
                start: Timestamp(secondsSince1970: Self.end + start * hour), end: Timestamp(secondsSince1970: Self.end + (start + hours) * hour),
                durationSeconds: hours * hour, height: height, baseline: 0.1)
        }
        let scaling = PredictiveScaling(
            targetUtilization: 50, targetFrom: "hpa", cpuRequestPerPod: 0.5, bounds: ReplicaBounds(min: 1, max: 10, autoscaler: "web"), hours: [],
            schedule: nil)
        let schedule = PreScalingSchedule.make(
            peaks: [peak(14, 1, 1.0), peak(15.25, 1, 2.0), peak(20, 1, 1.5)], scaling: scaling, autoscaler: "web",
            bounds: ReplicaBounds(min: 1, max: 10, autoscaler: "web"), podHourlyCost: 0.01, prices: PriceSheet(), leadSeconds: 600, end: Self.end + 14 * hour)
        #expect(schedule?.steps.map(\.cron) == ["50 13 * * *", "25 16 * * *", "50 19 * * *", "10 21 * * *"], "\(schedule?.steps ?? [])")
        #expect(schedule?.steps.map(\.minReplicas) == [8, 1, 6, 1], "2 cores at 50 % of 500m is 8 pods, 1.5 cores 6")
        #expect(schedule?.steps.first?.time.secondsSince1970 == Self.end + Self.day + 13 * hour + 50 * 60, "13:50 has passed at 14:00: tomorrow's")
        #expect(PredictiveScaling.replicas(cores: 0.07, perPod: 0.1, utilization: 70, bounds: nil) == 1)
        #expect(PredictiveScaling.replicas(cores: 0.7, perPod: 0.1, utilization: 10, bounds: nil) == 70, "an exact ratio is not one more")
    }
}
