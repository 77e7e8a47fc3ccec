import Foundation
import Synchronization

/// What `failover watch` did, as Prometheus metrics for `--metrics-addr`: switches by direction
/// and outcome, decisions to act, and watches resumed after an API server outage.
package final class FailoverMetrics: MetricsSource {
    private struct State {
        var switches = LabelledFamily(
            name: "kubectl_heal_failover_switches_total",
            help: "Switches the watcher carried out, by direction (failover, failback) and outcome (succeeded, rolled-back, refused, nothing-to-do).",
            labelNames: ["direction", "outcome"])
        var watchReconnects = 0
    }

    private let state = Mutex(State())
    private let startTime: Date

    package init(startTime: Date = .now) {
        self.startTime = startTime
    }

    /// `outcome` is nil for a switch that never produced a result (refused before it started).
    package func switchFinished(failback: Bool, outcome: FailoverResult.Outcome?) {
        state.withLock { $0.switches.increment([failback ? "failback" : "failover", outcome?.rawValue ?? FailoverResult.Outcome.refused.rawValue]) }
    }

    package func watchReconnected() {
        state.withLock { $0.watchReconnects += 1 }
    }

    package func render() -> String {
        let state = state.withLock { $0 }
        return state.switches.render() + PrometheusText.watcherFamilies(watcher: "failover", reconnects: state.watchReconnects, startTime: startTime)
    }
}
