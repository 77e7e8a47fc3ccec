import Foundation
import HealKube
import Logging

/// Waits out an API server outage: a call that fails transiently (`KubeError.isTransient`) is tried
/// again with exponential backoff until `window` has passed since the first failure, saying so
/// on stderr once when it starts and once when the server answers again. What is still failing
/// after the window is thrown as it came.
struct OutageRetry: Sendable {
    let window: Duration
    let logger: Logger

    func run<T: Sendable>(_ doing: String, _ body: () async throws -> T) async throws -> T {
        var outageStarted: ContinuousClock.Instant?
        var backoff = Backoff(initial: .milliseconds(200), cap: .seconds(2), jitter: 0.9...1.1)
        while true {
            do {
                let value = try await body()
                if let outageStarted {
                    logger.notice("the API server answers again after \(outageStarted.duration(to: .now).spoken); \(doing) goes on")
                }
                return value
            } catch let error as KubeError where error.isTransient {
                let started = outageStarted ?? .now
                guard started.duration(to: .now) < window else { throw error }
                if outageStarted == nil {
                    logger.warning("the API server did not answer while \(doing) (\(error)); retrying for up to \(window.spoken)")
                    outageStarted = started
                }
                try await Task.sleep(for: backoff.next())
            }
        }
    }
}
