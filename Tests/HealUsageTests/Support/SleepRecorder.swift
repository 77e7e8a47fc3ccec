import Synchronization

/// A `MetricsSampler` pause that returns at once, remembers what it was asked to wait, and
/// runs `between` (e.g. cancels the sampling task) each time.
final class SleepRecorder: Sendable {
    private let pauses = Mutex<[Duration]>([])
    private let between: @Sendable () -> Void

    init(between: @escaping @Sendable () -> Void = {}) {
        self.between = between
    }

    var recorded: [Duration] { pauses.withLock { $0 } }

    var sleep: @Sendable (Duration) async throws -> Void {
        { duration in
            self.pauses.withLock { $0.append(duration) }
            self.between()
        }
    }
}
