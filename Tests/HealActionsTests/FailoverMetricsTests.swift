import Foundation
import HealActions
import Testing

@Suite("FailoverMetrics renders what failover watch did")
struct FailoverMetricsTests {
    @Test("switches by direction and outcome, resumed watches, up and start time")
    func render() {
        let metrics = FailoverMetrics(startTime: HealMetricsTests.start)
        metrics.switchFinished(failback: false, outcome: .succeeded)
        metrics.switchFinished(failback: true, outcome: .rolledBack)
        metrics.switchFinished(failback: false, outcome: nil)
        metrics.switchFinished(failback: false, outcome: .succeeded)
        metrics.watchReconnected()
        metrics.watchReconnected()
        let expected = """
            # HELP kubectl_heal_failover_switches_total Switches the watcher carried out, by direction (failover, failback) and outcome (succeeded, rolled-back, refused, nothing-to-do).
            # TYPE kubectl_heal_failover_switches_total counter
            kubectl_heal_failover_switches_total{direction="failback",outcome="rolled-back"} 1
            kubectl_heal_failover_switches_total{direction="failover",outcome="refused"} 1
            kubectl_heal_failover_switches_total{direction="failover",outcome="succeeded"} 2
            # HELP kubectl_heal_watch_reconnects_total Watches that resumed after the API server dropped or refused them (restarts, outages).
            # TYPE kubectl_heal_watch_reconnects_total counter
            kubectl_heal_watch_reconnects_total 2
            # HELP kubectl_heal_up 1 while the failover watcher runs.
            # TYPE kubectl_heal_up gauge
            kubectl_heal_up 1
            # HELP kubectl_heal_start_time_seconds When the watcher started, in seconds since the Unix epoch.
            # TYPE kubectl_heal_start_time_seconds gauge
            kubectl_heal_start_time_seconds 1700000000.5

            """
        #expect(metrics.render() == expected)
    }
}
