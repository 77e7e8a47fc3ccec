/// The kubelet's restart back-off as the captured pods show it: a container that has been
/// restarted n times waits 10s·2ⁿ⁻¹ (capped at 5 minutes) before the next start, so its
/// CrashLoopBackOff message says `back-off 20s` at restartCount 2 and `back-off 1m20s` at 4.
/// The fake's containers crash the moment they start, so restarts follow the schedule exactly.
enum BackOff {
    static let initial = Duration.seconds(10)
    static let limit = Duration.seconds(300)

    /// The wait after the `restartCount`-th restart.
    static func delay(restartCount: Int) -> Duration {
        var delay = initial
        for _ in 1..<max(1, restartCount) where delay < limit { delay *= 2 }
        return min(delay, limit)
    }

    /// When a crash loop was at `count` restarts at `since`: the restart count at `now` and when
    /// the next restart happens.
    static func restarts(
        from count: Int, since: ContinuousClock.Instant, now: ContinuousClock.Instant
    ) -> (count: Int, next: ContinuousClock.Instant) {
        var count = count
        var next = since + delay(restartCount: count)
        while next <= now {
            count += 1
            next += delay(restartCount: count)
        }
        return (count, next)
    }

    /// Go's `time.Duration.String()` for whole seconds: `10s`, `1m20s`, `5m0s`.
    static func goText(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds)
        return seconds < 60 ? "\(seconds)s" : "\(seconds / 60)m\(seconds % 60)s"
    }
}
