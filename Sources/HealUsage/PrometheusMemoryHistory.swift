import HealAnalysis
import HealModel
import Logging

/// Each container's memory working set from cAdvisor's series, two range queries per namespace
/// (the count grows with namespaces, not pods): per pod over the last days at a fine step, the
/// highest sample of each step so a climb's top is kept however short; and per hour over the
/// whole window, each pod's median computed on the server. Series are given to workloads by pod
/// name (`PodOwnerIndex`), so pods of earlier rollouts count as history.
package struct PrometheusMemoryHistory: Sendable {
    private let client: PrometheusClient
    private let logger: Logger

    package init(client: PrometheusClient, logger: Logger = Logger(label: "heal.usage")) {
        self.client = client
        self.logger = logger
    }

    package var label: String { "prometheus \(client.endpointDescription)" }

    /// One history per container of `workloads` that has any sample in the window.
    package func histories(
        for workloads: [WorkloadResources], end: Timestamp, windowSeconds: Double, stepSeconds: Double
    ) async throws -> [ContainerMemoryHistory] {
        let histories = try await NamespaceFanOut.run(workloads) { namespace, workloads in
            try await self.histories(namespace: namespace, workloads: workloads, end: end, windowSeconds: windowSeconds, stepSeconds: stepSeconds)
        }
        return histories.flatMap { $0 }.sorted { ($0.workload, $0.container) < ($1.workload, $1.container) }
    }

    /// The fine-step detail covers this much at most: enough for a saw-tooth's period and the
    /// 3-day trend; the rest of the window is read hour by hour (a fifth of the data to decode).
    package static let detailSeconds = 4 * 86_400.0
    static let hour = 3600.0

    static func query(namespace: String, stepSeconds: Double) -> String {
        "max by (pod, container) (max_over_time(container_memory_working_set_bytes\(selector(namespace))[\(PrometheusUsageQueries.duration(stepSeconds))]))"
    }

    /// Each pod's median over each hour, computed on the server.
    static func hourlyQuery(namespace: String) -> String {
        "max by (pod, container) (quantile_over_time(0.5, container_memory_working_set_bytes\(selector(namespace))[\(PrometheusUsageQueries.duration(hour))]))"
    }

    private static func selector(_ namespace: String) -> String {
        "{namespace=\(PrometheusUsageQueries.quoted(namespace)),container!=\"\",container!=\"POD\"}"
    }

    private func histories(
        namespace: String, workloads: [WorkloadResources], end: Timestamp, windowSeconds: Double, stepSeconds: Double
    ) async throws(UsageError) -> [ContainerMemoryHistory] {
        let owners = PodOwnerIndex(workloads: workloads)
        let started = ContinuousClock.now
        let detail = try await client.queryRange(
            Self.query(namespace: namespace, stepSeconds: stepSeconds), start: end.adding(seconds: -min(windowSeconds, Self.detailSeconds)), end: end,
            stepSeconds: stepSeconds)
        let hourlyStart = end.adding(seconds: -windowSeconds)
        let hourlySeries = try await client.queryRange(Self.hourlyQuery(namespace: namespace), start: hourlyStart, end: end, stepSeconds: Self.hour)
        var pods: [ContainerOfWorkload: [String: [(time: Double, value: Double)]]] = [:]
        for one in detail {
            guard let pod = one.labels["pod"], let key = owners.container(labels: one.labels) else { continue }
            pods[key, default: [:]][pod] = one.points.filter { $0.value.isFinite }
        }
        // The highest pod's median in each hour, as the detail keeps the highest pod at each step.
        let hourly = StepSums.sum(hourlySeries, start: hourlyStart.secondsSince1970, step: Self.hour, merge: max) { owners.container(labels: $0.labels) }
        logger.debug(
            "prometheus range queries",
            metadata: ["namespace": "\(namespace)", "series": "\(detail.count) + \(hourlySeries.count)", "duration": "\(started.duration(to: .now))"])
        return workloads.flatMap { workload in
            Set(pods.keys).union(hourly.keys).filter { $0.workload == workload.ref }.map { key in
                ContainerMemoryHistory(
                    workload: workload.ref, container: key.container, limitBytes: workload.containers.first { $0.name == key.container }?.limits.memory,
                    pods: pods[key] ?? [:], hourly: hourly[key] ?? [])
            }
        }
    }
}
