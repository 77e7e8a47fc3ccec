import Foundation
import Logging

/// Waits out an API server outage: a call that fails transiently (`TransientFailure`) is tried
/// again with exponential backoff until `window` has passed since the first failure, saying so
/// on stderr once when it starts and once when the server answers again. What is still failing
/// after the window is thrown as it came.
struct OutageRetry: Sendable {
    let window: Duration
    let logger: Logger
    var firstDelay: Duration = .milliseconds(200)
    var maxDelay: Duration = .seconds(2)

    func run<T: Sendable>(_ doing: String, _ body: () async throws -> T) async throws -> T {
        var outageStarted: ContinuousClock.Instant?
        var delay = firstDelay
        while true {
            do {
                let value = try await body()
                if let outageStarted {
                    logger.notice("the API server answers again after \(outageStarted.duration(to: .now).spoken); \(doing) goes on")
                }
                return value
            } catch where TransientFailure.isTransient(error) {
                let started = outageStarted ?? .now
                guard started.duration(to: .now) < window else { throw error }
                if outageStarted == nil {
                    logger.warning("the API server did not answer while \(doing) (\(error)); retrying for up to \(window.spoken)")
                    outageStarted = started
                }
                try await Task.sleep(for: delay * Double.random(in: 0.9...1.1))
                delay = min(delay * 2, maxDelay)
            }
        }
    }
}
