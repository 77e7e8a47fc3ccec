/// Reads metrics-server `samples` times, `interval` apart (the first at once): metrics-server
/// keeps only each pod's latest scrape, so a short history is built by asking again. The pause
/// is injectable so tests need not wait; cancelling the task stops the sampling.
package struct MetricsSampler: Sendable {
    package let samples: Int
    package let interval: Duration
    let sleep: @Sendable (Duration) async throws -> Void

    /// One reading: current usage only.
    package static let single = MetricsSampler(samples: 1, every: .zero)

    package init(
        samples: Int, every interval: Duration,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        precondition(samples >= 1, "a sampler takes at least one sample")
        self.samples = samples
        self.interval = interval
        self.sleep = sleep
    }

    /// Readings covering `window` (`--sample 10m --every 30s`): one at the start and one after
    /// each whole interval, so 10m every 30s is 21 readings spanning 10 minutes.
    package static func over(
        _ window: Duration, every interval: Duration,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) -> MetricsSampler {
        let intervals = interval > .zero ? Int(window / interval) : 0
        return MetricsSampler(samples: intervals + 1, every: interval, sleep: sleep)
    }

    /// The readings in order. The interval runs from the end of one reading to the start of
    /// the next (a reading takes a fraction of a second against intervals of tens of seconds).
    func collect<Reading>(_ read: () async throws -> Reading) async throws -> [Reading] {
        var readings: [Reading] = []
        for index in 0..<samples {
            if index > 0 { try await sleep(interval) }
            try Task.checkCancellation()
            readings.append(try await read())
        }
        return readings
    }
}
