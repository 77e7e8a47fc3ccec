import HealModel

/// One predicted point with its interval.
package struct ForecastPoint: Sendable, Encodable, Equatable {
    package var time: Timestamp
    package var value: Double
    package var lower: Double
    package var upper: Double
}

/// A span the forecast stands well above its usual level: when it starts, how long it lasts
/// and how high it goes.
package struct Peak: Sendable, Encodable, Equatable {
    package var start: Timestamp
    package var end: Timestamp
    package var durationSeconds: Double
    /// The highest predicted value in it.
    package var height: Double
    /// The usual level around it (the forecast's median).
    package var baseline: Double
}

/// A resource's forecast over the horizon: the model the backtest chose and how it did, the
/// points, and the peaks.
package struct ResourceForecast: Sendable, Encodable, Equatable {
    package var backtest: Backtest
    package var points: [ForecastPoint]
    package var peaks: [Peak]

    /// Runs the chosen model over (`end`, `end` + `horizon`]; nil without enough history to
    /// backtest.
    package static func make(_ points: [(time: Double, value: Double)], step: Double, end: Double, horizon: Double, backtestDays: Double) -> ResourceForecast? {
        let series = SeasonalModel.Series(points, step: step)
        guard let backtest = Backtest.choose(series, days: backtestDays) else { return nil }
        // On the step grid, as the history is: the first step after `end`.
        let first = (end / step).rounded(.down) * step + step
        let ahead = stride(from: first, through: end + horizon, by: step).compactMap { time -> ForecastPoint? in
            guard let value = backtest.model.predict(series, at: time, knownUntil: end) else { return nil }
            return ForecastPoint(
                time: Timestamp(secondsSince1970: time), value: value,
                lower: max(0, value * (1 + backtest.lowerError)), upper: value * (1 + backtest.upperError))
        }
        return ResourceForecast(backtest: backtest, points: ahead, peaks: Self.peaks(ahead, step: step))
    }

    /// Runs above the median by at least half the way to the top, when the top is at least
    /// 1.5 × the median. A run starts a step before its first point: a point is the rate over
    /// the step that ends at it. With a whole day forecast, peaks are daily: found on that day
    /// in time-of-day order, across midnight too, so a peak under way now is the same peak as
    /// tomorrow's, dated by its next whole occurrence.
    static func peaks(_ points: [ForecastPoint], step: Double) -> [Peak] {
        guard let start = points.first?.time.secondsSince1970, let last = points.last?.time.secondsSince1970, last - start + step >= SeasonalModel.day
        else { return runs(points, step: step) }
        // The first day of the horizon (by time, not count: a gap must not pull in the second).
        var day = points.filter { $0.time.secondsSince1970 < start + SeasonalModel.day }.sorted { $0.time.secondsSince1970.truncatingRemainder(dividingBy: SeasonalModel.day) < $1.time.secondsSince1970.truncatingRemainder(dividingBy: SeasonalModel.day) }
        // Start the day at its lowest point, so no peak is cut at the array's ends.
        if let lowest = day.indices.min(by: { day[$0].value < day[$1].value }) { day = Array(day[lowest...] + day[..<lowest]) }
        // Each run's points carry the time they fall at in the horizon: the run's first point in
        // time-of-day order is its next occurrence's start.
        return runs(day, step: step).map { peak in
            var peak = peak
            peak.end = Timestamp(secondsSince1970: peak.start.secondsSince1970 + peak.durationSeconds)
            return peak
        }.sorted { $0.start < $1.start }
    }

    private static func runs(_ points: [ForecastPoint], step: Double) -> [Peak] {
        let values = points.map(\.value).sorted()
        guard let top = values.last, !values.isEmpty else { return [] }
        let median = RobustTrend.quantile(values, 0.5)
        guard top >= 1.5 * median, top > 0 else { return [] }
        let threshold = median + 0.5 * (top - median)
        var peaks: [Peak] = []
        var run: [ForecastPoint] = []
        func close() {
            guard let first = run.first else { return }
            let start = first.time.secondsSince1970 - step
            let duration = Double(run.count) * step
            peaks.append(Peak(
                start: Timestamp(secondsSince1970: start), end: Timestamp(secondsSince1970: start + duration), durationSeconds: duration,
                height: run.map(\.value).max() ?? 0, baseline: median))
            run = []
        }
        for point in points {
            if point.value >= threshold { run.append(point) } else { close() }
        }
        close()
        return peaks
    }
}
