import HealModel

/// Reads a container's memory history for the two ways it runs out: a saw-tooth that climbs to
/// the limit and is killed again and again (the next kill predicted per pod from its own
/// period and its current climb), and a steady rise that will reach the limit (a robust trend).
/// A steady container yields nothing; one with too little history yields `ShortHistory`.
package enum MemoryAnomalyDetector {
    package struct Settings: Sendable {
        /// Less history than this says nothing (recommend-limits' minimum).
        package var minimumHistorySeconds = 3 * 3600.0
        /// A rise that reaches the limit sooner than this is `oom-predicted`; later, `memory-growth`.
        package var predictionHorizonSeconds = 7 * 86_400.0
        /// How far back a rise is measured.
        package var trendSeconds = 3 * 86_400.0
        /// A pod without a sample this recent is gone: its history counts, it gets no prediction.
        package var liveWithinSeconds = 15 * 60.0

        package init() {}
    }

    package enum Outcome: Sendable, Equatable {
        case anomaly(Anomaly)
        case shortHistory(ShortHistory)
        case quiet
    }

    static let mebibyte = 1_048_576.0

    package static func detect(_ history: ContainerMemoryHistory, end: Double, settings: Settings = Settings()) -> Outcome {
        let seconds = history.historySeconds(end: end)
        guard seconds >= settings.minimumHistorySeconds else {
            return .shortHistory(ShortHistory(
                workload: history.workload, container: history.container, historySeconds: seconds,
                reason: "not enough history: \(DurationText.format(seconds: seconds)) of memory samples, at least \(DurationText.format(seconds: settings.minimumHistorySeconds)) needed"))
        }
        let predictions = history.pods.sorted { $0.key < $1.key }.compactMap { pod, points -> PodMemoryPrediction? in
            guard let last = points.last, end - last.time <= settings.liveWithinSeconds else { return nil }
            return predict(pod: pod, points: points, limit: history.limitBytes, end: end, settings: settings)
        }
        guard !predictions.isEmpty else { return .quiet }
        return .anomaly(anomaly(history, predictions, end: end, settings: settings))
    }

    /// A pod's saw-tooth (two resets or more) or a significant rise; nil when it is steady.
    static func predict(pod: String, points: [(time: Double, value: Double)], limit: Double?, end: Double, settings: Settings) -> PodMemoryPrediction? {
        // A pod of its own too young to read (a new rollout, a warm-up) predicts nothing, even
        // in a workload with a long history: its first climb is not a leak.
        guard let current = points.last?.value, let first = points.first, end - first.time >= settings.minimumHistorySeconds else { return nil }
        let sawTooth = SawTooth(points, limit: limit)
        // A saw-tooth that stopped (no reset in twice its longest interval) is history, not a forecast.
        let ongoing = sawTooth.resets.last.map { end - $0 <= 2 * (sawTooth.intervals.max() ?? 0) } ?? false
        if ongoing, let period = sawTooth.period, let lastReset = sawTooth.resets.last {
            let climb = points.filter { $0.time > lastReset }
            let trend = RobustTrend(climb)
            // The level it is killed at: the limit, else where its climbs have peaked.
            let top = limit ?? peaks(points, resets: sawTooth.resets)
            let byPeriod = max(end, lastReset + period)
            let byClimb = trend.flatMap { trend in trend.slope > 0 ? end + max(0, top - trend.lastFitted) / trend.slope : nil }
            let intervals = sawTooth.intervals
            let next = byClimb ?? byPeriod
            let spread = [next, byPeriod, max(end, lastReset + (intervals.min() ?? period)), max(end, lastReset + (intervals.max() ?? period))]
            return PodMemoryPrediction(
                pod: pod, pattern: .sawTooth, periodSeconds: period, resets: sawTooth.resets.map(timestamp), next: timestamp(next),
                earliest: timestamp(spread.min() ?? next), latest: timestamp(spread.max() ?? next),
                growthBytesPerHour: (trend?.slope ?? 0) * 3600, currentBytes: current, limitBytes: limit)
        }
        let since = max(ongoing ? sawTooth.resets.last ?? -.infinity : -.infinity, end - settings.trendSeconds)
        guard let trend = RobustTrend(points.filter { $0.time > since }), let first = points.first(where: { $0.time > since }) else { return nil }
        let rise = trend.slope * (end - first.time)
        guard trend.slope > 0, trend.risingShare >= 0.75, rise >= max(16 * mebibyte, 0.1 * trend.lastFitted) else { return nil }
        var prediction = PodMemoryPrediction(
            pod: pod, pattern: .trend, periodSeconds: nil, resets: sawTooth.resets.map(timestamp), next: nil, earliest: nil, latest: nil,
            growthBytesPerHour: trend.slope * 3600, currentBytes: current, limitBytes: limit)
        if let limit {
            let room = max(0, limit - trend.lastFitted)
            prediction.next = timestamp(end + room / trend.slope)
            prediction.earliest = timestamp(end + room / max(trend.upperSlope, trend.slope))
            prediction.latest = trend.lowerSlope > 0 ? timestamp(end + room / trend.lowerSlope) : nil
        }
        return prediction
    }

    /// The median of the values just before each reset.
    private static func peaks(_ points: [(time: Double, value: Double)], resets: [Double]) -> Double {
        let values = resets.compactMap { reset in points.last { $0.time < reset }?.value }.sorted()
        return values.isEmpty ? 0 : RobustTrend.quantile(values, 0.5)
    }

    private static func timestamp(_ seconds: Double) -> Timestamp {
        Timestamp(secondsSince1970: seconds)
    }
}
