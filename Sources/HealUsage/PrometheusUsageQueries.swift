import Foundation
import HealAnalysis

/// The PromQL for one namespace: a fixed set of queries (`percentiles + 9`), each answering for
/// every pod and container of the namespace at once, so the count grows with namespaces and
/// never with pods or workloads.
///
/// Cost shapes the queries (Prometheus 2.x evaluates a subquery step by step):
/// - per-step aggregation inside a subquery is what makes it slow, so series are aggregated
///   `by (pod, container)` only after `*_over_time`;
/// - means come from totals (CPU seconds, bytes × samples) without subqueries;
/// - first and last sample times are found at the rate window's resolution, not the step's:
///   history only has to be right to the minutes, and `timestamp(vector)` inside a subquery
///   re-reads every chunk at each step in Prometheus 2.42.
/// cAdvisor starts a new series (new `id`) when a container restarts and some setups scrape it
/// twice (same `id`, another `job`): totals take the `max` per `id`, then sum the ids.
struct PrometheusUsageQueries {
    let historySeconds: Double
    let stepSeconds: Double
    let cpuPercentiles: [Double]

    init(_ query: UsageQuery) {
        // The CLI validates --history, the step and --cpu-percentile; anything else is a bug.
        precondition(query.stepSeconds > 0 && query.historySeconds >= query.stepSeconds, "history must span at least one step")
        precondition(query.cpuPercentiles.allSatisfy { (0...100).contains($0) }, "percentiles are 0…100")
        historySeconds = query.historySeconds
        stepSeconds = query.stepSeconds
        cpuPercentiles = query.cpuPercentiles
    }

    /// The rate window: 5 minutes, or the step when longer, so each window holds several samples
    /// at common scrape intervals.
    var windowSeconds: Double { max(300, stepSeconds) }

    func queries(namespace: String) -> [(UsageFigure, String)] {
        let ns = Self.quoted(namespace)
        let cadvisor = "{namespace=\(ns),container!=\"\",container!=\"POD\"}"
        let cpu = "container_cpu_usage_seconds_total\(cadvisor)"
        let memory = "container_memory_working_set_bytes\(cadvisor)"
        let oomKilled = "kube_pod_container_status_last_terminated_reason{namespace=\(ns),reason=\"OOMKilled\"}"
        let limits = "kube_pod_container_resource_limits{namespace=\(ns),resource=\"memory\"}"
        let history = Self.duration(historySeconds)
        let rate = "rate(\(cpu)[\(Self.duration(windowSeconds))])[\(history):\(Self.duration(stepSeconds))]"
        // Present at a step when a sample falls in (step - window, step]: the window is one
        // millisecond short, as Prometheus 2.x ranges include their start.
        let coarse = "[\(history):\(Self.duration(windowSeconds))]"
        let lastInWindow = "[\(Self.duration(windowSeconds - 0.001))]"
        let seen = "timestamp(last_over_time(\(memory)\(lastInWindow)))\(coarse)"
        let oomSeen = "timestamp(last_over_time(\(oomKilled)\(lastInWindow)))\(coarse)"
        var queries = cpuPercentiles.map { percentile in
            (UsageFigure.cpuPercentile(percentile), "max by (pod, container) (quantile_over_time(\(Self.fraction(percentile)), \(rate)))")
        }
        queries += [
            (.cpuPeak, "max by (pod, container) (max_over_time(\(rate)))"),
            (.cpuSeconds, "sum by (pod, container) (max by (pod, container, id) (increase(\(cpu)[\(history)])))"),
            (.memoryPeak, "max by (pod, container) (max_over_time(\(memory)[\(history)]))"),
            (.memoryTotal, "sum by (pod, container) (max by (pod, container, id) (sum_over_time(\(memory)[\(history)])))"),
            (.memorySamples, "sum by (pod, container) (max by (pod, container, id) (count_over_time(\(memory)[\(history)])))"),
            (.firstSample, "min by (pod, container) (min_over_time(\(seen)))"),
            (.lastSample, "max by (pod, container) (max_over_time(\(seen)))"),
            (.oomKilledSince, "min by (pod, container) (min_over_time(\(oomSeen)))"),
            (.oomKillLimit,
             "max by (pod, container) (max_over_time(\(limits)[\(history)])) and on (pod, container) max by (pod, container) (last_over_time(\(oomKilled)[\(history)]))"),
        ]
        return queries
    }

    /// A PromQL duration: whole seconds ("1209600s") or milliseconds ("299999ms").
    static func duration(_ seconds: Double) -> String {
        let milliseconds = Int((seconds * 1000).rounded())
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms"
    }

    /// 95 → "0.95", 99.9 → "0.999" (not 0.9990000000000001).
    static func fraction(_ percentile: Double) -> String {
        String(format: "%.10g", percentile / 100)
    }

    /// A PromQL string literal.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
