/// Exponential backoff with jitter between attempts: `initial` doubling to `cap`, each pause
/// multiplied by a random factor from `jitter`, a server's `Retry-After` honoured when longer;
/// back to the start after `reset()`.
package struct Backoff: Sendable {
    let initial: Duration
    let cap: Duration
    let jitter: ClosedRange<Double>
    private var failures = 0

    package init(initial: Duration, cap: Duration, jitter: ClosedRange<Double>) {
        self.initial = initial
        self.cap = cap
        self.jitter = jitter
    }

    /// Between attempts to list or watch again: 0.5 s doubling to 3 s, up to +30 %. client-go's
    /// reflector caps at 30 s; a watcher exists to react, so the cap here keeps the first report
    /// after an API server restart within ~5 s, at the cost of one request per watch every ~3 s
    /// while the server is down.
    package static var watch: Backoff { Backoff(initial: .milliseconds(500), cap: .seconds(3), jitter: 1.0...1.3) }

    /// The pause before the next attempt after a failure.
    package mutating func next(retryAfter: Duration? = nil) -> Duration {
        let exponential = min(initial * (1 << min(failures, 16)), cap)
        failures += 1
        return max(exponential * Double.random(in: jitter), retryAfter ?? .zero)
    }

    /// Whether the last attempts failed (a stream opening now is a resumption).
    package var failing: Bool { failures > 0 }

    /// An attempt succeeded: the next failure starts from `initial` again.
    package mutating func reset() {
        failures = 0
    }
}
