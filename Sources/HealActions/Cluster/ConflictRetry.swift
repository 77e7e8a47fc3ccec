import Foundation
import HealKube

/// client-go's `RetryOnConflict`: a write answered 409 Conflict (the object changed since it was
/// read — usually the controller's own status writes) is read again and retried, a bounded
/// number of times with a short jittered backoff. Twenty, not client-go's five: under steady
/// status churn each attempt wins only when its read-then-write falls between two writes, and a
/// loaded machine makes that window narrow; the wide jitter moves each attempt's phase. `attempt` re-reads and re-checks what it
/// planned from before each write, so a retry never overwrites someone else's change.
package struct ConflictRetry: Sendable {
    package var attempts = 20

    package init() {}

    /// Runs `attempt` until it does not end in 409; `onConflict` hears of each retried one.
    func run<T: Sendable>(_ attempt: () async throws -> T, onConflict: (KubeError) -> Void = { _ in }) async throws -> T {
        var backoff = Backoff(initial: .milliseconds(10), cap: .milliseconds(200), jitter: 1.0...1.5)
        var number = 1
        while true {
            do {
                return try await attempt()
            } catch let error as KubeError where error.httpStatus == 409 && number < attempts {
                onConflict(error)
                number += 1
                try await Task.sleep(for: backoff.next())
            }
        }
    }
}
