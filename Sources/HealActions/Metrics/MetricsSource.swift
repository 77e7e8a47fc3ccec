import Foundation

/// What a `--metrics-addr` endpoint serves: a watcher's metrics, rendered on each scrape.
package protocol MetricsSource: Sendable {
    /// The whole exposition (Prometheus text format 0.0.4).
    func render() -> String
    /// What `/readyz` says: whether the watcher sees the cluster (its informers have listed).
    var isReady: Bool { get }
}

extension MetricsSource {
    package var isReady: Bool { true }
}

extension PrometheusText {
    /// The families every long-running watcher exposes: resumed watches, `up` and its start
    /// time. `watcher` names it in the help texts ("healing", "failover").
    static func watcherFamilies(watcher: String, reconnects: Int, startTime: Date) -> String {
        header("kubectl_heal_watch_reconnects_total", type: "counter", help: "Watches that resumed after the API server dropped or refused them (restarts, outages).")
            + sample("kubectl_heal_watch_reconnects_total", Double(reconnects))
            + header("kubectl_heal_up", type: "gauge", help: "1 while the \(watcher) watcher runs.")
            + sample("kubectl_heal_up", 1)
            + header("kubectl_heal_start_time_seconds", type: "gauge", help: "When the watcher started, in seconds since the Unix epoch.")
            + sample("kubectl_heal_start_time_seconds", startTime.timeIntervalSince1970)
    }
}
