import HealAnalysis
import HealModel
import HealUsage
import Testing

@Suite("PrometheusUsageSource asks a fixed set of queries per namespace, a few namespaces at a time")
struct PrometheusQueryCountTests {
    /// `deployments` Deployments of 3 pods in each of `namespaces` namespaces.
    static func query(namespaces: Int, deployments: Int, percentiles: [Double] = [95]) -> UsageQuery {
        let workloads = (0..<namespaces).flatMap { namespace in
            (0..<deployments).map { deployment in
                WorkloadResources(
                    ref: ResourceRef(kind: "Deployment", namespace: "ns-\(namespace)", name: "app-\(deployment)"), replicas: 3,
                    containers: [ContainerResources(name: "app")],
                    podNames: (0..<3).map { "app-\(deployment)-7d4b9c8f6d-q9z2\($0)" })
            }
        }
        return UsageQuery(
            workloads: workloads, end: Timestamp(secondsSince1970: 1_750_896_000), historySeconds: 14 * 86400, stepSeconds: 60,
            cpuPercentiles: percentiles)
    }

    @Test(
        "queries = namespaces × (percentiles + 9), whatever the number of workloads and pods",
        arguments: [(1, 1, [95.0]), (1, 40, [95]), (3, 1, [95]), (3, 25, [50, 95, 99]), (12, 5, [95])])
    func count(namespaces: Int, deployments: Int, percentiles: [Double]) async throws {
        let transport = RecordingTransport()
        let source = PrometheusUsageSource(client: PrometheusClient(transport: transport))

        let usage = try await source.usage(for: Self.query(namespaces: namespaces, deployments: deployments, percentiles: percentiles))
        #expect(usage.isEmpty)  // no series, so no workload has usage
        #expect(transport.queries.count == namespaces * (percentiles.count + 9))
        for namespace in 0..<namespaces {
            #expect(transport.queries.filter { $0.contains(#"namespace="ns-\#(namespace)""#) }.count == percentiles.count + 9)
        }
    }

    @Test("no more namespaces are queried at once than the bound")
    func bound() async throws {
        let transport = RecordingTransport()
        let source = PrometheusUsageSource(client: PrometheusClient(transport: transport), concurrentNamespaces: 4)

        _ = try await source.usage(for: Self.query(namespaces: 12, deployments: 2))
        #expect(transport.mostInFlight <= 4)
        #expect(transport.mostInFlight > 1)
    }

    @Test("the queries select cAdvisor's containers (not pod totals or pause containers) and kube-state-metrics' OOM kills")
    func selectors() async throws {
        let transport = RecordingTransport()
        _ = try await PrometheusUsageSource(client: PrometheusClient(transport: transport))
            .usage(for: Self.query(namespaces: 1, deployments: 1, percentiles: [99.9]))
        let queries = transport.queries
        #expect(queries.contains { $0.contains("quantile_over_time(0.999, rate(container_cpu_usage_seconds_total") && $0.contains("[1209600s:60s]") })
        #expect(queries.filter { $0.contains(#"container_memory_working_set_bytes{namespace="ns-0",container!="",container!="POD"}"#) }.count == 5)
        #expect(queries.contains { $0.contains(#"kube_pod_container_status_last_terminated_reason{namespace="ns-0",reason="OOMKilled"}"#) })
        #expect(queries.contains { $0.contains(#"kube_pod_container_resource_limits{namespace="ns-0",resource="memory"}"#) })
    }
}
