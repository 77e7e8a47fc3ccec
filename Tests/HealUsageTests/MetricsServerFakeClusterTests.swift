import Foundation
import HealAnalysis
import HealKube
import HealModel
import HealTestSupport
import Testing
@testable import HealUsage

/// metrics-server as the fake cluster plays it: not installed until usage is set, then
/// PodMetrics for the Running pods, or down.
@Suite("metrics-server usage source against the fake cluster")
struct MetricsServerFakeClusterTests {
    let cluster: FakeCluster
    init() throws { cluster = try FakeCluster() }

    /// A Deployment `web` of `replicas` pods in `demo`, as right-sizing sees it.
    func web(replicas: Int) async throws -> WorkloadResources {
        try cluster.create(json: #"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"demo"},
             "spec":{"replicas":\#(replicas),"selector":{"matchLabels":{"app":"web"}},
              "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"app","image":"nginx:1.27"}]}}}}
            """#)
        try #require(await cluster.settle(), "the Deployment's pods are created and started")
        let pods = try cluster.objects(in: "/api/v1/namespaces/demo/pods").map { data in
            let pod = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            return try #require((pod["metadata"] as? [String: Any])?["name"] as? String)
        }
        return WorkloadResources(
            ref: ResourceRef(kind: "Deployment", namespace: "demo", name: "web"), replicas: replicas,
            containers: [ContainerResources(name: "app")], podNames: pods)
    }

    func usage(of workload: WorkloadResources) async throws -> [ResourceRef: WorkloadUsage] {
        try await MetricsServerUsageSource(client: UsageTestClients.client(cluster)).usage(for: UsageQuery(
            workloads: [workload], end: Timestamp(secondsSince1970: 0), historySeconds: 0, stepSeconds: 60, cpuPercentiles: [95]))
    }

    @Test("usage set on a Deployment is served for each of its pods")
    func served() async throws {
        let workload = try await web(replicas: 2)
        cluster.setUsage(namespace: "demo", deployment: "web", container: "app", cpu: "250m", memory: "96Mi")
        cluster.setUsage(namespace: "demo", pod: workload.podNames[1], container: "app", cpu: "1423108n", memory: "11896Ki")

        let app = try #require(try await usage(of: workload)[workload.ref]?.containers["app"])

        #expect(app.samples == 2)
        #expect(app.cpuPeakCores == 0.25)
        #expect(app.memoryPeakBytes == Double(96 * 1_048_576))
        #expect(app.memoryMeanBytes == Double(96 * 1_048_576 + 11896 * 1024) / 2)
    }

    @Test("metrics.k8s.io not served (no usage ever set) → metricsServerUnavailable 404 with the API server's words")
    func notServed() async throws {
        let workload = try await web(replicas: 1)

        let error = try await #require(throws: UsageError.self) { try await usage(of: workload) }

        #expect(error == .metricsServerUnavailable(
            path: "/apis/metrics.k8s.io/v1beta1/namespaces/demo/pods", status: 404,
            detail: "the server could not find the requested resource"))
    }

    @Test("the metrics APIService down → metricsServerUnavailable 503 \"service unavailable\", after the usual retries")
    func down() async throws {
        let workload = try await web(replicas: 1)
        cluster.setUsage(namespace: "demo", deployment: "web", container: "app", cpu: "250m", memory: "96Mi")
        cluster.stopMetricsServer()

        let error = try await #require(throws: UsageError.self) { try await usage(of: workload) }

        #expect(error == .metricsServerUnavailable(
            path: "/apis/metrics.k8s.io/v1beta1/namespaces/demo/pods", status: 503, detail: "service unavailable"))
        #expect(cluster.server.requests(path: "/apis/metrics.k8s.io/v1beta1/namespaces/demo/pods").count == UsageTestClients.fastRetries.maxAttempts)
    }
}
