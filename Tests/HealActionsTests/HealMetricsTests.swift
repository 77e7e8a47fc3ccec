import Foundation
import HealActions
import HealAnalysis
import Testing

@Suite("HealMetrics renders the Prometheus text format 0.0.4")
struct HealMetricsTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000.5)

    static func histogram(_ name: String, cumulative: [Int], sum: String) -> String {
        let bounds = ["0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "30", "60", "120", "300", "600", "+Inf"]
        var text = ""
        for (bound, count) in zip(bounds, cumulative) { text += "\(name)_bucket{le=\"\(bound)\"} \(count)\n" }
        return text + "\(name)_sum \(sum)\n\(name)_count \(cumulative.last ?? 0)\n"
    }

    static let gauges = """
        # HELP kubectl_heal_watched_pods Pods the watcher currently follows.
        # TYPE kubectl_heal_watched_pods gauge
        kubectl_heal_watched_pods 0
        # HELP kubectl_heal_watch_reconnects_total Watches that resumed after the API server dropped or refused them (restarts, outages).
        # TYPE kubectl_heal_watch_reconnects_total counter
        kubectl_heal_watch_reconnects_total 0
        # HELP kubectl_heal_up 1 while the healing watcher runs.
        # TYPE kubectl_heal_up gauge
        kubectl_heal_up 1
        # HELP kubectl_heal_start_time_seconds When the watcher started, in seconds since the Unix epoch.
        # TYPE kubectl_heal_start_time_seconds gauge
        kubectl_heal_start_time_seconds 1700000000.5

        """

    @Test("a fresh registry exposes every family with its HELP and TYPE, and empty histograms")
    func fresh() {
        let zero = Array(repeating: 0, count: 14)
        let expected = """
            # HELP kubectl_heal_incidents_total Incidents detected, by finding code and namespace.
            # TYPE kubectl_heal_incidents_total counter
            # HELP kubectl_heal_actions_total Remediation actions by action, outcome (succeeded, rolled-back, failed, refused, unverified, interrupted) and the source of the plan (rule, learned, llm).
            # TYPE kubectl_heal_actions_total counter
            # HELP kubectl_heal_detection_latency_seconds From the moment a problem appeared in the cluster (e.g. a container's termination) to its diagnosis.
            # TYPE kubectl_heal_detection_latency_seconds histogram

            """
            + Self.histogram("kubectl_heal_detection_latency_seconds", cumulative: zero, sum: "0")
            + """
            # HELP kubectl_heal_repair_duration_seconds From the start of an action to its outcome, verification window included. Refused actions are not observed.
            # TYPE kubectl_heal_repair_duration_seconds histogram

            """
            + Self.histogram("kubectl_heal_repair_duration_seconds", cumulative: zero, sum: "0")
            + """
            # HELP kubectl_heal_findings Findings of the last diagnosis, by namespace (empty for cluster-scoped objects), code and severity.
            # TYPE kubectl_heal_findings gauge
            # HELP kubectl_heal_health_score Each namespace's health score (0-100) at the last diagnosis: the share of its resources without a warning or critical finding.
            # TYPE kubectl_heal_health_score gauge
            # HELP kubectl_heal_change_to_diagnosis_seconds From a change reaching an informer to the end of the diagnosis that includes it (the settle time included).
            # TYPE kubectl_heal_change_to_diagnosis_seconds histogram

            """
            + Self.histogram("kubectl_heal_change_to_diagnosis_seconds", cumulative: zero, sum: "0")
            + """
            # HELP kubectl_heal_informer_synced 1 while an informer has listed and its watch streams, 0 during an outage or relist.
            # TYPE kubectl_heal_informer_synced gauge
            # HELP kubectl_heal_informer_objects Objects an informer holds.
            # TYPE kubectl_heal_informer_objects gauge
            # HELP kubectl_heal_informer_last_event_timestamp_seconds When an informer last heard from the API server (a list, a change or a bookmark), as a Unix time.
            # TYPE kubectl_heal_informer_last_event_timestamp_seconds gauge

            """
            + Self.gauges
        #expect(HealMetrics(startTime: Self.start).render() == expected)
    }

    @Test("with leader election, kubectl_heal_leader says whether this replica acts; without, it is absent")
    func leader() {
        let metrics = HealMetrics(startTime: Self.start)
        #expect(!metrics.render().contains("kubectl_heal_leader"))
        metrics.setLeader(false)
        #expect(metrics.render().contains("# TYPE kubectl_heal_leader gauge\nkubectl_heal_leader 0\n"))
        metrics.setLeader(true)
        #expect(metrics.render().contains("\nkubectl_heal_leader 1\n"))
    }

    @Test("counters count per label set, in sorted order")
    func counters() {
        let metrics = HealMetrics(startTime: Self.start)
        metrics.incidentDetected(code: "oom-killed", namespace: "shop", latencySeconds: nil)
        metrics.incidentDetected(code: "image-pull-backoff", namespace: "shop", latencySeconds: nil)
        metrics.incidentDetected(code: "oom-killed", namespace: "shop", latencySeconds: nil)
        metrics.actionFinished(.raiseMemoryLimit, outcome: .succeeded, source: .rule, seconds: nil)
        metrics.actionFinished(.raiseMemoryLimit, outcome: .rolledBack, source: .learned, seconds: nil)
        metrics.actionFinished(.scale, outcome: .refused, source: .llm, seconds: nil)
        metrics.setWatchedPods(42)
        let text = metrics.render()
        #expect(text.contains("""
            # TYPE kubectl_heal_incidents_total counter
            kubectl_heal_incidents_total{code="image-pull-backoff",namespace="shop"} 1
            kubectl_heal_incidents_total{code="oom-killed",namespace="shop"} 2
            # HELP kubectl_heal_actions_total
            """))
        #expect(text.contains("""
            # TYPE kubectl_heal_actions_total counter
            kubectl_heal_actions_total{action="raise-memory-limit",outcome="rolled-back",source="learned"} 1
            kubectl_heal_actions_total{action="raise-memory-limit",outcome="succeeded",source="rule"} 1
            kubectl_heal_actions_total{action="scale",outcome="refused",source="llm"} 1
            # HELP kubectl_heal_detection_latency_seconds
            """))
        #expect(text.contains("\nkubectl_heal_watched_pods 42\n"))
        // Without durations nothing is observed.
        #expect(text.contains("kubectl_heal_repair_duration_seconds_count 0\n"))
    }

    @Test("histogram buckets are cumulative, a value on a bound counts in that bucket, +Inf takes the rest")
    func histogram() {
        let metrics = HealMetrics(startTime: Self.start)
        for latency in [0.05, 0.07, 3, 3, 1000, -2] {
            metrics.incidentDetected(code: "oom-killed", namespace: "shop", latencySeconds: latency)
        }
        metrics.actionFinished(.rollback, outcome: .succeeded, source: .rule, seconds: 61.5)
        metrics.actionFinished(.rollback, outcome: .failed, source: .rule, seconds: .nan)
        let text = metrics.render()
        let sum: Double = 0.05 + 0.07 + 3 + 3 + 1000
        // -2 (a clock ahead of ours) counts as 0; 0.05 sits on the first bound.
        #expect(text.contains(Self.histogram(
            "kubectl_heal_detection_latency_seconds", cumulative: [2, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 6], sum: "\(sum)")))
        #expect(text.contains(Self.histogram(
            "kubectl_heal_repair_duration_seconds", cumulative: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1], sum: "61.5")))
    }

    @Test("label values escape backslash, double quote and newline")
    func escaping() {
        let metrics = HealMetrics(startTime: Self.start)
        metrics.incidentDetected(code: "a\"b\\c\nd", namespace: "shop", latencySeconds: nil)
        #expect(metrics.render().contains(#"kubectl_heal_incidents_total{code="a\"b\\c\nd",namespace="shop"} 1"# + "\n"))
    }

    @Test("updates from many threads at once are all counted")
    func concurrent() async {
        let metrics = HealMetrics(startTime: Self.start)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<500 {
                        metrics.incidentDetected(code: "oom-killed", namespace: "shop", latencySeconds: 0.2)
                        _ = metrics.render()
                    }
                }
            }
        }
        let text = metrics.render()
        #expect(text.contains("kubectl_heal_incidents_total{code=\"oom-killed\",namespace=\"shop\"} 4000\n"))
        #expect(text.contains("kubectl_heal_detection_latency_seconds_count 4000\n"))
    }
}
