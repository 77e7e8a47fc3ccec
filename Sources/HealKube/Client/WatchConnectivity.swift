import Foundation
import Logging
import Synchronization

/// How the watches of one long-running command fare against the API server: they report every
/// interruption and every resumption here, and it says so on stderr once per outage, not once
/// per watch and retry — "the API server did not answer the watch of pods (…); reconnecting
/// (1.6 s)" when the first watch loses it, "watching again after 12.4 s" when the first comes
/// back. `reconnects` counts resumed watches, for `--metrics-addr`; `onOutage` hears of each
/// outage's start (with the first error) and end (`nil`), for a script's event stream.
package final class WatchConnectivity: Sendable {
    private struct State {
        var outageStarted: ContinuousClock.Instant?
        var reconnects = 0
    }

    private let state = Mutex(State())
    private let logger: Logger
    private let onReconnect: @Sendable () -> Void
    private let onOutage: @Sendable (_ started: String?) -> Void

    package init(
        logger: Logger, onReconnect: @escaping @Sendable () -> Void = {}, onOutage: @escaping @Sendable (_ started: String?) -> Void = { _ in }
    ) {
        self.logger = logger
        self.onReconnect = onReconnect
        self.onOutage = onOutage
    }

    package var reconnects: Int { state.withLock { $0.reconnects } }

    /// A watch lost its stream (or could not open one) and retries after `delay`.
    func interrupted(_ resource: String, error: KubeError, retryIn delay: Duration) {
        let first = state.withLock { state in
            defer { state.outageStarted = state.outageStarted ?? .now }
            return state.outageStarted == nil
        }
        let seconds = String(format: "%.1f", Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
        if first {
            logger.warning("the API server did not answer the watch of \(resource) (\(error)); reconnecting (\(seconds) s)")
            onOutage("\(error)")
        } else {
            logger.debug("watch of \(resource) still interrupted (\(error)); reconnecting (\(seconds) s)")
        }
    }

    /// A watch that was interrupted is streaming again.
    func resumed(_ resource: String) {
        let ended = state.withLock { state -> ContinuousClock.Instant? in
            state.reconnects += 1
            defer { state.outageStarted = nil }
            return state.outageStarted
        }
        onReconnect()
        if let ended {
            onOutage(nil)
            let seconds = ended.duration(to: .now)
            logger.warning("the API server answers again: watching \(resource) again after \(String(format: "%.1f", Double(seconds.components.seconds) + Double(seconds.components.attoseconds) / 1e18)) s")
        }
    }
}
