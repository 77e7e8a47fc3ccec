/// The backoff between attempts to list or watch again: 0.5 s doubling to 3 s, each delay
/// jittered up to +30 %, a server's `Retry-After` honoured when longer; back to the start once
/// a stream opens. client-go's reflector caps at 30 s; a watcher exists to react, so the cap
/// here keeps the first report after an API server restart within ~5 s, at the cost of one
/// request per watch every ~3 s while the server is down.
struct WatchBackoff {
    static let initial: Duration = .milliseconds(500)
    static let cap: Duration = .seconds(3)

    private var failures = 0

    /// The pause before the next attempt after a failure.
    mutating func next(retryAfter: Duration?) -> Duration {
        let exponential = min(Self.initial * (1 << min(failures, 6)), Self.cap)
        failures += 1
        return max(exponential * Double.random(in: 1.0...1.3), retryAfter ?? .zero)
    }

    /// Whether the last attempts failed (a stream opening now is a resumption).
    var failing: Bool { failures > 0 }

    /// A stream lived: the next failure starts from the initial delay again.
    mutating func reset() {
        failures = 0
    }
}
