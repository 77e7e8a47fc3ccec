import HealModel

extension MemoryAnomalyDetector {
    /// The container's anomaly from its pods' predictions: `oom-predicted` when a pod will
    /// reach its limit within the horizon, else `memory-growth`.
    static func anomaly(_ history: ContainerMemoryHistory, _ pods: [PodMemoryPrediction], end: Double, settings: Settings) -> Anomaly {
        let now = Timestamp(secondsSince1970: end)
        let limited = history.limitBytes != nil
        let soon = pods.compactMap { $0.next }.filter { $0.secondsSince1970 - end <= settings.predictionHorizonSeconds }
        let predicted = limited && !soon.isEmpty
        let first = soon.min()
        let severity: Severity = predicted ? (first.map { $0.secondsSince1970 - end <= 86_400 } == true ? .critical : .warning) : (limited ? .info : .warning)
        let limitText = history.limitBytes.map(Quantity.formatBytes) ?? "no limit"
        let sawTooth = pods.filter { $0.pattern == .sawTooth }
        var summary: String
        if !sawTooth.isEmpty {
            let periods = sawTooth.compactMap(\.periodSeconds).map { DurationText.format(seconds: $0.rounded()) }
            let resets = sawTooth.map(\.resets.count).reduce(0, +)
            summary = "memory climbs to \(limited ? "the \(limitText) limit" : "its peak") and falls back every ~\(Set(periods).sorted().joined(separator: " / ")) "
                + "(\(resets) resets seen\(sawTooth.count > 1 ? " across \(sawTooth.count) pods" : ""))"
        } else {
            let rate = pods.map(\.growthBytesPerHour).max() ?? 0
            summary = "memory grows ~\(rateText(rate)) (robust trend) with \(limited ? "the \(limitText) limit" : "no limit") above it"
        }
        if predicted {
            summary += "; next OOM kill: " + pods.compactMap { pod in pod.next.map { "\(pod.pod) at \(TimelineText.clock($0, sameDayAs: now))" } }.joined(separator: ", ")
        } else if limited, let next = pods.compactMap(\.next).min() {
            summary += "; at this rate it reaches the limit around \(next)"
        }
        return Anomaly(
            code: predicted ? .oomPredicted : .memoryGrowth, severity: severity, workload: history.workload, container: history.container,
            summary: summary + ".", evidence: pods.map { evidence($0, now: now) }, confidence: confidence(pods),
            action: predicted || limited
                ? "raise the memory limit above what it climbs to, or fix what grows; `kubectl heal recommend-limits \(history.workload.typeAndName)` sizes it from this history"
                : "set a memory limit: an unbounded rise ends in node memory pressure and evictions of other pods",
            pods: pods)
    }

    /// "2.0Mi/h": a rate needs its decimal, where a size rounds up to whole mebibytes.
    private static func rateText(_ bytesPerHour: Double) -> String {
        String(format: "%.1fMi/h", bytesPerHour / mebibyte)
    }

    private static func evidence(_ pod: PodMemoryPrediction, now: Timestamp) -> String {
        var parts = ["\(pod.pod): \(Quantity.formatBytes(pod.currentBytes)) now"]
        if let period = pod.periodSeconds {
            parts.append("reset every ~\(DurationText.format(seconds: period.rounded())), last at \(pod.resets.last.map { TimelineText.clock($0, sameDayAs: now) } ?? "?")")
        }
        if pod.growthBytesPerHour > 0 { parts.append("+" + rateText(pod.growthBytesPerHour)) }
        if let next = pod.next {
            let span = [pod.earliest, pod.latest].compactMap { $0.map { TimelineText.clock($0, sameDayAs: now) } }
            parts.append("limit reached at \(TimelineText.clock(next, sameDayAs: now))" + (span.count == 2 ? " (between \(span[0]) and \(span[1]))" : ""))
        }
        return parts.joined(separator: "; ")
    }

    /// Regular resets (three or more, intervals within 20 % of the period) or a rise that never
    /// falls back are sure; anything less, less so.
    private static func confidence(_ pods: [PodMemoryPrediction]) -> Double {
        let each = pods.map { pod -> Double in
            guard let period = pod.periodSeconds else { return 0.7 }
            let times = pod.resets.map(\.secondsSince1970)
            let intervals = zip(times.dropFirst(), times).map { $0 - $1 }
            guard intervals.count >= 2, let high = intervals.max(), let low = intervals.min() else { return 0.6 }
            return high - low <= 0.2 * period ? 0.9 : 0.6
        }
        return each.min() ?? 0.5
    }
}
