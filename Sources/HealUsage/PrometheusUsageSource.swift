import HealAnalysis
import HealModel
import Logging

/// Usage from Prometheus: cAdvisor's `container_cpu_usage_seconds_total` and
/// `container_memory_working_set_bytes`, and kube-state-metrics' OOM kills and memory limits.
///
/// Each namespace gets the same fixed set of queries (`PrometheusUsageQueries`), evaluated at
/// `query.end` over `query.historySeconds`; a few namespaces are queried at once. Series are
/// given to workloads by pod name (`PodOwnerIndex`), so pods of earlier rollouts count.
package struct PrometheusUsageSource: UsageSource {
    package let kind = UsageSourceKind.prometheus
    private let client: PrometheusClient
    private let concurrentNamespaces: Int
    private let logger: Logger

    /// `concurrentNamespaces` bounds the queries in flight: each is one single-threaded
    /// evaluation on the server, and a right-sizing run must not monopolise a shared Prometheus.
    package init(client: PrometheusClient, concurrentNamespaces: Int = 4, logger: Logger = Logger(label: "heal.usage")) {
        precondition(concurrentNamespaces > 0, "at least one namespace at a time")
        self.client = client
        self.concurrentNamespaces = concurrentNamespaces
        self.logger = logger
    }

    package var label: String { "prometheus \(client.endpointDescription)" }

    package func usage(for query: UsageQuery) async throws -> [ResourceRef: WorkloadUsage] {
        let queries = PrometheusUsageQueries(query)
        let found = try await NamespaceFanOut.run(query.workloads, concurrency: concurrentNamespaces) { namespace, workloads in
            try await self.usage(namespace: namespace, workloads: workloads, queries: queries, at: query.end)
        }
        return found.reduce(into: [:]) { $0.merge($1) { $1 } }
    }

    private func usage(
        namespace: String, workloads: [WorkloadResources], queries: PrometheusUsageQueries, at end: Timestamp
    ) async throws(UsageError) -> [ResourceRef: WorkloadUsage] {
        let owners = PodOwnerIndex(workloads: workloads)
        // workload → container → pod → figures
        var figures: [ResourceRef: [String: [String: PodContainerFigures]]] = [:]
        for (figure, promql) in queries.queries(namespace: namespace) {
            let started = ContinuousClock.now
            let samples = try await client.query(promql, at: end)
            var unowned = 0
            for sample in samples {
                guard let pod = sample.labels["pod"], let container = sample.labels["container"],
                    let owner = owners.owner(ofPod: pod)
                else {
                    unowned += 1
                    continue
                }
                // NaN is Prometheus' "no figure" (say 0/0); infinities cannot be usage.
                guard sample.value.isFinite else { continue }
                figures[owner, default: [:]][container, default: [:]][pod, default: PodContainerFigures()].record(figure, sample.value)
            }
            logger.debug(
                "prometheus query",
                metadata: [
                    "namespace": "\(namespace)", "query": "\(promql)", "series": "\(samples.count)",
                    "unowned": "\(unowned)", "duration": "\(started.duration(to: .now))",
                ])
        }
        var usage: [ResourceRef: WorkloadUsage] = [:]
        for (workload, containers) in figures {
            let byContainer = containers.reduce(into: [String: ContainerUsage]()) { result, container in
                result[container.key] = ContainerUsage(container: container.key, pods: Array(container.value.values))
            }
            usage[workload] = WorkloadUsage(workload: workload, source: .prometheus, containers: byContainer)
        }
        return usage
    }
}
