import Foundation

/// Bounded retries with exponential backoff and jitter. `Retry-After` from the server wins over
/// the computed delay (capped, so a misbehaving server cannot stall a run for minutes).
package struct RetryPolicy: Sendable {
    package var maxAttempts: Int
    package var baseDelay: Duration
    package var maxDelay: Duration
    package var retryAfterCap: Duration

    package static let standard = RetryPolicy(
        maxAttempts: 5, baseDelay: .milliseconds(250), maxDelay: .seconds(8), retryAfterCap: .seconds(30))

    package init(maxAttempts: Int, baseDelay: Duration, maxDelay: Duration, retryAfterCap: Duration) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.retryAfterCap = retryAfterCap
    }

    /// Statuses that mean "try again later": throttling, and a server failing or restarting.
    package static let transientStatuses: Set<Int> = [429, 500, 502, 503, 504]

    /// Whether a response status is worth another attempt. Writes are retried only when the
    /// server explicitly asks for it (429, or `Retry-After`), because a 5xx after a write may
    /// mean the write happened.
    package func shouldRetry(status: Int, idempotent: Bool, hasRetryAfter: Bool) -> Bool {
        guard Self.transientStatuses.contains(status) else { return false }
        return status == 429 || idempotent || hasRetryAfter
    }

    package func shouldRetry(_ error: HTTPError, idempotent: Bool) -> Bool {
        if case .connectionLost = error { return idempotent }
        return false
    }

    /// The pause before the next attempt, `attempt` being the number made so far: the server's
    /// `Retry-After` seconds when given (capped), else exponential backoff with ±20 % jitter.
    package func delay(beforeAttempt attempt: Int, retryAfter: String?) -> Duration {
        if let retryAfter, let seconds = Int(retryAfter.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
            return min(.seconds(seconds), retryAfterCap)
        }
        let exponential = baseDelay * (1 << min(attempt - 1, 16))
        let capped = min(exponential, maxDelay)
        return capped * Double.random(in: 0.8...1.2)
    }
}
