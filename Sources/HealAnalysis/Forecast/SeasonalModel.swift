/// Seasonal-naive forecasting of a regular series (one point per `step`): a value is predicted
/// from the same time of day on earlier days. The candidates, chosen by a backtest:
///
/// - `yesterday`: the same time one day earlier (the baseline every other must beat);
/// - `daily-median`: the median of the same time over the last 7 days, which a noisy day
///   cannot move;
/// - `last-week`: the same time 7 days earlier, for a weekly rhythm.
package enum SeasonalModel: String, Sendable, Encodable, CaseIterable {
    case yesterday
    case dailyMedian = "daily-median"
    case lastWeek = "last-week"

    static let day = 86_400.0

    /// The series by slot (its time divided by the step), to find "the same time N days ago":
    /// an array from the first slot, NaN where a step has no point.
    package struct Series: Sendable {
        package let step: Double
        private let firstSlot: Int
        private let values: [Double]
        package let first: Double
        package let last: Double

        package init(_ points: [(time: Double, value: Double)], step: Double) {
            self.step = step
            let slots = points.map { Int(($0.time / step).rounded()) }
            firstSlot = slots.min() ?? 0
            var values = [Double](repeating: .nan, count: (slots.max() ?? -1) - firstSlot + 1)
            for (slot, point) in zip(slots, points) { values[slot - firstSlot] = point.value }
            self.values = values
            first = points.first?.time ?? 0
            last = points.last?.time ?? 0
        }

        package subscript(time: Double) -> Double? {
            let index = Int((time / step).rounded()) - firstSlot
            guard values.indices.contains(index), !values[index].isNaN else { return nil }
            return values[index]
        }

        package var points: [(time: Double, value: Double)] {
            values.indices.compactMap { index in values[index].isNaN ? nil : (Double(index + firstSlot) * step, values[index]) }
        }
    }

    /// The value at `time` from data no later than `known` (nil when those days are missing).
    package func predict(_ series: Series, at time: Double, knownUntil known: Double) -> Double? {
        // The most recent whole number of days back that is already known.
        let back = max(1, Int(((time - known) / Self.day).rounded(.up)))
        switch self {
        case .yesterday:
            return series[time - Double(back) * Self.day]
        case .lastWeek:
            return back <= 7 ? series[time - 7 * Self.day] : nil
        case .dailyMedian:
            let values = (back..<(back + 7)).compactMap { series[time - Double($0) * Self.day] }.sorted()
            return values.count >= 3 ? RobustTrend.quantile(values, 0.5) : nil
        }
    }
}

/// How a model did on the last days of the history, forecasting each day from the days
/// before it: the mean absolute percentage error, and the spread of its relative errors for the
/// prediction interval.
package struct Backtest: Sendable, Encodable, Equatable {
    package var model: SeasonalModel
    /// Mean absolute percentage error, 0.12 = 12 %.
    package var mape: Double
    /// "Same as yesterday"'s error over the same points.
    package var baselineMAPE: Double
    package var days: Double
    /// The 10th and 90th percentiles of (actual − predicted) / predicted.
    package var lowerError: Double
    package var upperError: Double

    /// Each model scored over the last `days` (a forecast one day ahead of each point); the one
    /// with the lowest error wins, `yesterday` on a tie. nil when no model could be scored.
    package static func choose(_ series: SeasonalModel.Series, days: Double) -> Backtest? {
        let window = series.points.filter { $0.time > series.last - days * SeasonalModel.day }
        // Points too small to divide by (an idle night) would swamp the percentage.
        let floor = 0.05 * (window.map(\.value).max() ?? 0)
        let targets = window.filter { $0.value > floor }
        let scored = SeasonalModel.allCases.compactMap { model -> (model: SeasonalModel, mape: Double, errors: [Double], baseline: Double)? in
            var errors: [Double] = []
            var baseline: [Double] = []
            for target in targets {
                guard let predicted = model.predict(series, at: target.time, knownUntil: target.time - SeasonalModel.day),
                    let yesterday = series[target.time - SeasonalModel.day], predicted > 0
                else { continue }
                errors.append((target.value - predicted) / predicted)
                baseline.append(abs(target.value - yesterday) / target.value)
            }
            // Scored on at least half of the points, so a model that skips the hard days cannot win.
            guard errors.count * 2 >= targets.count, !errors.isEmpty else { return nil }
            // |actual − predicted| / actual, from the error relative to the prediction.
            let mape = errors.map { abs($0 / (1 + $0)) }.reduce(0, +) / Double(errors.count)
            return (model, mape, errors, baseline.reduce(0, +) / Double(max(baseline.count, 1)))
        }
        guard let best = scored.min(by: { $0.mape < $1.mape || ($0.mape == $1.mape && $0.model == .yesterday) }) else { return nil }
        let sorted = best.errors.sorted()
        return Backtest(
            model: best.model, mape: best.mape, baselineMAPE: best.baseline, days: days,
            lowerError: RobustTrend.quantile(sorted, 0.1), upperError: RobustTrend.quantile(sorted, 0.9))
    }
}
