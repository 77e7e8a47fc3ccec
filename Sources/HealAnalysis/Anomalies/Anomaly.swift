import HealModel

/// Something in a container's history that says it will fail, with the figures it rests on.
package struct Anomaly: Sendable, Encodable, Equatable {
    package enum Code: String, Sendable, Encodable, CaseIterable {
        /// The memory limit will be reached: a saw-tooth that keeps hitting it, or a rise that
        /// gets there within a week.
        case oomPredicted = "oom-predicted"
        /// Memory that keeps growing, with no limit in reach yet (or no limit at all).
        case memoryGrowth = "memory-growth"
        /// CPU throttled by its limit in a large share of its scheduling periods.
        case cpuThrottled = "cpu-throttled"
        /// Memory or CPU settled at another level against the container's own history.
        case usageShift = "usage-shift"
        /// Hours of the last day far from the same hour a week before.
        case usageOutlier = "usage-outlier"
        /// Many more restarts in the last day than the days before.
        case restartRateJump = "restart-rate-jump"
    }

    package var code: Code
    package var severity: Severity
    package var workload: ResourceRef
    package var container: String
    /// One sentence: what is happening and what comes next.
    package var summary: String
    package var evidence: [String]
    /// 0–1: how regular the pattern is.
    package var confidence: Double
    package var action: String
    /// What each pod showed, with its own prediction (memory anomalies).
    package var pods: [PodMemoryPrediction]
}

/// One pod's memory pattern and, when it is heading for the limit, when it gets there.
package struct PodMemoryPrediction: Sendable, Encodable, Equatable {
    package enum Pattern: String, Sendable, Encodable {
        /// Climbs and resets again and again (killed at the limit, or restarted).
        case sawTooth = "saw-tooth"
        /// A steady rise.
        case trend
    }

    package var pod: String
    package var pattern: Pattern
    /// The typical time between resets, for a saw-tooth.
    package var periodSeconds: Double?
    /// When the resets happened (the OOM kills, with a limit).
    package var resets: [Timestamp]
    /// When the limit is expected to be reached, and the span that estimate allows.
    package var next: Timestamp?
    package var earliest: Timestamp?
    package var latest: Timestamp?
    /// The robust trend of the current climb.
    package var growthBytesPerHour: Double
    package var currentBytes: Double
    package var limitBytes: Double?
}

/// A container with too little history to say anything (the same minimum as recommend-limits).
package struct ShortHistory: Sendable, Encodable, Equatable {
    package var workload: ResourceRef
    package var container: String
    package var historySeconds: Double
    package var reason: String

    package init(workload: ResourceRef, container: String, historySeconds: Double, reason: String) {
        self.workload = workload
        self.container = container
        self.historySeconds = historySeconds
        self.reason = reason
    }
}
