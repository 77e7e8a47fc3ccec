import HealAnalysis
import HealModel
import Logging

/// Each container's memory working set over a window, per pod, from cAdvisor's series: one
/// range query per namespace (the count grows with namespaces, not pods), the highest sample
/// of each step so a climb's top is kept however short. Series are given to workloads by pod
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

    static func query(namespace: String, stepSeconds: Double) -> String {
        let selector = "{namespace=\(PrometheusUsageQueries.quoted(namespace)),container!=\"\",container!=\"POD\"}"
        return "max by (pod, container) (max_over_time(container_memory_working_set_bytes\(selector)[\(PrometheusUsageQueries.duration(stepSeconds))]))"
    }

    private func histories(
        namespace: String, workloads: [WorkloadResources], end: Timestamp, windowSeconds: Double, stepSeconds: Double
    ) async throws(UsageError) -> [ContainerMemoryHistory] {
        let owners = PodOwnerIndex(workloads: workloads)
        let promql = Self.query(namespace: namespace, stepSeconds: stepSeconds)
        let started = ContinuousClock.now
        let series = try await client.queryRange(promql, start: end.adding(seconds: -windowSeconds), end: end, stepSeconds: stepSeconds)
        var pods: [ResourceRef: [String: [String: [(time: Double, value: Double)]]]] = [:]
        for one in series {
            guard let pod = one.labels["pod"], let container = one.labels["container"], let owner = owners.owner(ofPod: pod) else { continue }
            pods[owner, default: [:]][container, default: [:]][pod] = one.points.filter { $0.value.isFinite }
        }
        logger.debug(
            "prometheus range query",
            metadata: ["namespace": "\(namespace)", "query": "\(promql)", "series": "\(series.count)", "duration": "\(started.duration(to: .now))"])
        return workloads.flatMap { workload in
            (pods[workload.ref] ?? [:]).map { container, pods in
                ContainerMemoryHistory(
                    workload: workload.ref, container: container,
                    limitBytes: workload.containers.first { $0.name == container }?.limits.memory, pods: pods)
            }
        }
    }
}
