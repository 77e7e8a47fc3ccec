import Foundation
import HealModel
import Logging
import Synchronization

/// How the watches of one long-running command fare against the API server: they report every
/// interruption and every resumption here, and it says so on stderr once per outage, not once
/// per watch and retry — "the API server did not answer the watch of pods (…); reconnecting
/// (1.6 s)" when the first watch loses it, "watching again after 12.4 s" when the first comes
/// back. `onReconnect` hears of each resumed watch, for `--metrics-addr`; `onOutage` hears of each
/// outage's start (with the first error) and end (`nil`), for a script's event stream.
package final class WatchConnectivity: Sendable {
    private struct State {
        var outageStarted: ContinuousClock.Instant?
        /// The watches (by identity) interrupted and not streaming again yet.
        var interrupted: Set<String> = []
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

    /// The watch `id` of `resource` lost its stream (or could not open one) and retries after
    /// `delay`. The first interruption starts an outage.
    func interrupted(_ id: String, resource: String, error: KubeError, retryIn delay: Duration) {
        // Said under the lock, so a start is never reported after the end it precedes.
        state.withLock { state in
            state.interrupted.insert(id)
            guard state.outageStarted == nil else {
                logger.debug("watch of \(resource) still interrupted (\(error)); reconnecting (\(Self.seconds(delay)) s)")
                return
            }
            state.outageStarted = .now
            logger.warning("the API server did not answer the watch of \(resource) (\(error)); reconnecting (\(Self.seconds(delay)) s)")
            onOutage("\(error)")
        }
    }

    /// The watch `id` streams again. The outage ends when no watch is interrupted any more.
    func resumed(_ id: String, resource: String) {
        state.withLock { state in
            guard state.interrupted.remove(id) != nil else { return }
            onReconnect()
            guard state.interrupted.isEmpty, let started = state.outageStarted else { return }
            state.outageStarted = nil
            logger.warning("the API server answers again: watching \(resource) and the rest again after \(Self.seconds(started.duration(to: .now))) s")
            onOutage(nil)
        }
    }

    /// An outage's start (`error`: its first failure) or, with nil, its end, as one sentence
    /// for a script's event stream.
    package static func sentence(error: String?) -> String {
        error.map { "the API server did not answer the watches (\($0)); reconnecting with backoff" } ?? "the API server answers again; watching again"
    }

    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f", duration.seconds)
    }
}
