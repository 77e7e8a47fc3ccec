import Foundation
import HealAnalysis
import HealKube
import HealModel
import HealTestSupport
import Testing
@testable import HealUsage

@Suite("metrics-server usage source")
struct MetricsServerUsageSourceTests {
    static let shopPods = "/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods"
    static let web = ResourceRef(kind: "Deployment", namespace: "shop", name: "web")
    static let cart = ResourceRef(kind: "Deployment", namespace: "shop", name: "cart")

    let server: FakeAPIServer
    init() throws { server = try FakeAPIServer(fixtureRoot: nil) }

    static func query(_ workloads: [WorkloadResources], percentiles: [Double] = [50, 95]) -> UsageQuery {
        UsageQuery(workloads: workloads, end: Timestamp(secondsSince1970: 0), historySeconds: 0, stepSeconds: 60, cpuPercentiles: percentiles)
    }

    static func workload(_ ref: ResourceRef, pods: [String]) -> WorkloadResources {
        WorkloadResources(ref: ref, replicas: pods.count, containers: [ContainerResources(name: "app")], podNames: pods)
    }

    @Test("a PodMetricsList in n and Ki becomes usage per workload and container, from the workload's current pods only")
    func oneReading() async throws {
        server.script(path: Self.shopPods, responses: [.json(PodMetricsJSON.list([
            .init(namespace: "shop", name: "web-1", timestamp: "2026-11-22T10:00:00Z",
                  containers: [("app", "1423108n", "11896Ki"), ("proxy", "250m", "32Mi")]),
            .init(namespace: "shop", name: "web-old", timestamp: "2026-11-22T10:00:00Z", containers: [("app", "2", "1Gi")]),
            .init(namespace: "shop", name: "cart-1", timestamp: "2026-11-22T10:00:00Z", containers: [("app", "5m", "12181709")]),
        ]))])
        let source = MetricsServerUsageSource(client: UsageTestClients.client(server))

        let usage = try await source.usage(for: Self.query([
            Self.workload(Self.web, pods: ["web-1"]), Self.workload(Self.cart, pods: ["cart-1"]),
            Self.workload(ResourceRef(kind: "Deployment", namespace: "shop", name: "idle"), pods: ["idle-1"]),
        ]))

        #expect(Set(usage.keys) == [Self.web, Self.cart], "a workload without metrics is left out")
        let web = try #require(usage[Self.web])
        #expect(web.source == .metricsServer)
        let app = try #require(web.containers["app"])
        #expect(Set(app.cpuPercentiles.keys) == [50, 95])
        for cores in [app.cpuPercentiles[50], app.cpuPercentiles[95], app.cpuPeakCores, app.cpuMeanCores] {
            #expect(abs(try #require(cores) - 0.001423108) < 1e-15)
        }
        #expect(app.memoryPeakBytes == Double(11896 * 1024))
        #expect(app.memoryMeanBytes == Double(11896 * 1024))
        #expect(app.samples == 1)
        #expect(app.historySeconds == 0)
        #expect(web.containers["proxy"]?.cpuPeakCores == 0.25)
        #expect(web.containers["proxy"]?.memoryPeakBytes == Double(32 * 1_048_576))
        #expect(usage[Self.cart]?.containers["app"]?.memoryMeanBytes == 12_181_709)
        #expect(source.label == "metrics-server (1 sample)")
        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.path == Self.shopPods)
    }

    @Test("workloads in several namespaces are read with one cluster-wide list")
    func clusterWide() async throws {
        server.script(path: "/apis/metrics.k8s.io/v1beta1/pods", responses: [.json(PodMetricsJSON.list([
            .init(namespace: "shop", name: "web-1", timestamp: "2026-11-22T10:00:00Z", containers: [("app", "100m", "64Mi")]),
            .init(namespace: "blog", name: "web-1", timestamp: "2026-11-22T10:00:00Z", containers: [("app", "300m", "128Mi")]),
        ]))])
        let blog = ResourceRef(kind: "Deployment", namespace: "blog", name: "web")

        let usage = try await MetricsServerUsageSource(client: UsageTestClients.client(server))
            .usage(for: Self.query([Self.workload(Self.web, pods: ["web-1"]), Self.workload(blog, pods: ["web-1"])]))

        #expect(usage[Self.web]?.containers["app"]?.cpuPeakCores == 0.1)
        #expect(usage[blog]?.containers["app"]?.cpuPeakCores == 0.3)
        #expect(server.requests.map(\.path) == ["/apis/metrics.k8s.io/v1beta1/pods"])
    }

    @Test("three samples 30s apart over two pods: interpolated percentiles, mean, peak, six samples, 60s of history")
    func sampling() async throws {
        let times = ["2026-11-22T10:00:00Z", "2026-11-22T10:00:30Z", "2026-11-22T10:01:00Z"]
        let cpu = [["100m", "200m"], ["300m", "400m"], ["500m", "1"]]
        let memory = [["100Mi", "110Mi"], ["120Mi", "130Mi"], ["140Mi", "150Mi"]]
        server.script(path: Self.shopPods, responses: (0..<3).map { sample in
            .json(PodMetricsJSON.list((0..<2).map { pod in
                .init(namespace: "shop", name: "web-\(pod)", timestamp: times[sample], containers: [("app", cpu[sample][pod], memory[sample][pod])])
            }))
        })
        let sleeper = SleepRecorder()
        let sampler = MetricsSampler(samples: 3, every: .seconds(30), sleep: sleeper.sleep)
        let source = MetricsServerUsageSource(client: UsageTestClients.client(server), sampler: sampler)

        let usage = try await source.usage(for: Self.query([Self.workload(Self.web, pods: ["web-0", "web-1"])], percentiles: [50, 95]))

        let app = try #require(usage[Self.web]?.containers["app"])
        // CPU sorted: 0.1 0.2 0.3 0.4 0.5 1.0 — p50 at rank 2.5, p95 at rank 4.75.
        #expect(abs(try #require(app.cpuPercentiles[50]) - 0.35) < 1e-9)
        #expect(abs(try #require(app.cpuPercentiles[95]) - 0.875) < 1e-9)
        #expect(app.cpuPeakCores == 1)
        #expect(abs(try #require(app.cpuMeanCores) - 2.5 / 6) < 1e-9)
        #expect(app.memoryPeakBytes == Double(150 * 1_048_576))
        #expect(app.memoryMeanBytes == Double(125 * 1_048_576))
        #expect(app.samples == 6)
        #expect(app.historySeconds == 60)
        #expect(sleeper.recorded == [.seconds(30), .seconds(30)])
        #expect(server.requests.count == 3)
        #expect(source.label == "metrics-server (3 samples, 30s apart)")
    }

    @Test("a scrape read twice (sampling faster than metrics-server scrapes) counts once")
    func repeatedScrape() async throws {
        let reading = PodMetricsJSON.list([
            .init(namespace: "shop", name: "web-1", timestamp: "2026-11-22T10:00:00Z", containers: [("app", "100m", "64Mi")]),
        ])
        server.script(path: Self.shopPods, responses: [.json(reading), .json(reading)])
        let sampler = MetricsSampler(samples: 2, every: .seconds(5), sleep: SleepRecorder().sleep)

        let usage = try await MetricsServerUsageSource(client: UsageTestClients.client(server), sampler: sampler)
            .usage(for: Self.query([Self.workload(Self.web, pods: ["web-1"])]))

        #expect(usage[Self.web]?.containers["app"]?.samples == 1)
        #expect(usage[Self.web]?.containers["app"]?.historySeconds == 0)
    }

    @Test("--sample 10m --every 30s is 21 readings spanning the 10 minutes")
    func samplerOverWindow() {
        let sampler = MetricsSampler.over(.seconds(600), every: .seconds(30))
        #expect(sampler.samples == 21)
        #expect(sampler.interval == .seconds(30))
    }

    @Test("cancelling the task stops the sampling before the next reading")
    func cancellation() async throws {
        server.script(path: Self.shopPods, responses: [.json(PodMetricsJSON.list([]))])
        let sleeper = SleepRecorder(between: { withUnsafeCurrentTask { $0?.cancel() } })
        let sampler = MetricsSampler(samples: 5, every: .seconds(30), sleep: sleeper.sleep)
        let source = MetricsServerUsageSource(client: UsageTestClients.client(server), sampler: sampler)

        let sampling = Task { try await source.usage(for: Self.query([Self.workload(Self.web, pods: ["web-1"])])) }

        await #expect(throws: CancellationError.self) { try await sampling.value }
        #expect(server.requests.count == 1)
    }

    @Test("metrics-server RBAC refused (403) is the KubeError naming list pods.metrics.k8s.io")
    func forbidden() async throws {
        server.script(path: Self.shopPods, responses: [.status(
            code: 403, reason: "Forbidden",
            message: #"pods.metrics.k8s.io is forbidden: User "system:serviceaccount:shop:viewer" cannot list resource "pods" in API group "metrics.k8s.io" in the namespace "shop""#)])

        let error = try await #require(throws: KubeError.self) {
            try await MetricsServerUsageSource(client: UsageTestClients.client(server))
                .usage(for: Self.query([Self.workload(Self.web, pods: ["web-1"])]))
        }

        #expect(error.httpStatus == 403)
        #expect(error.request.description == "list pods.metrics.k8s.io in namespace shop")
    }

    @Test("a quantity that is not one is metricsAnswerInvalid with the coding path")
    func invalidAnswer() async throws {
        server.script(path: Self.shopPods, responses: [.json(PodMetricsJSON.list([
            .init(namespace: "shop", name: "web-1", timestamp: "2026-11-22T10:00:00Z", containers: [("app", "lots", "64Mi")]),
        ]))])

        let error = try await #require(throws: UsageError.self) {
            try await MetricsServerUsageSource(client: UsageTestClients.client(server))
                .usage(for: Self.query([Self.workload(Self.web, pods: ["web-1"])]))
        }

        guard case .metricsAnswerInvalid(let path, let detail) = error else {
            Issue.record("expected metricsAnswerInvalid, got \(error)")
            return
        }
        #expect(path == Self.shopPods)
        #expect(detail.contains("items[0].containers[0].usage.cpu"), "detail: \(detail)")
    }
}
