import Synchronization

/// A clock that stands still until a test moves it, for the breaker's `reopenAfter`.
final class TestClock: Sendable {
    private let instant = Mutex(ContinuousClock.now)

    var now: ContinuousClock.Instant { instant.withLock { $0 } }

    func advance(by duration: Duration) {
        instant.withLock { $0 += duration }
    }

    /// The closure the client and the breaker take.
    var reading: @Sendable () -> ContinuousClock.Instant { { self.now } }
}
