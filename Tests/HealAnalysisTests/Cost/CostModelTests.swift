import Foundation
import HealAnalysis
import HealModel
import Testing

@Suite("CostModel prices requests (or usage above them) × replicas × hours, CPU and memory apart")
struct CostModelTests {
    typealias F = CostFixtures

    @Test(
        "monthly cost from requests at the default prices",
        arguments: [
            // 250m + 256Mi × 3: 0.25 × 0.031611 × 730 × 3 = 17.3070225; 0.25 GiB × 0.004237 × 730 × 3 = 2.3197575.
            (3, [F.container("app", cpu: 0.25, memoryMi: 256)], 17.3070225, 2.3197575, "$19.63"),
            // 1 core + 1Gi and 100m + 64Mi × 2: 1.1 × 0.031611 × 1460 = 50.767266; 1.0625 × 0.004237 × 1460 = 6.57264625.
            (2, [F.container("app", cpu: 1, memoryMi: 1024), F.container("proxy", cpu: 0.1, memoryMi: 64)], 50.767266, 6.57264625, "$57.34"),
            // No replicas, no cost.
            (0, [F.container("app", cpu: 1, memoryMi: 1024)], 0, 0, "$0.00"),
            // Memory only: 2Gi × 0.004237 × 730 = 6.18602.
            (1, [F.container("cache", cpu: nil, memoryMi: 2048)], 0, 6.18602, "$6.19"),
        ] as [(Int, [ContainerResources], Double, Double, String)])
    func requests(replicas: Int, containers: [ContainerResources], cpu: Double, memory: Double, total: String) {
        let cost = CostModel.cost(of: F.workload("web", replicas: replicas, containers: containers), usage: nil, prices: PriceSheet())
        #expect(F.close(cost.cpu, cpu))
        #expect(F.close(cost.memory, memory))
        #expect(Money.format(cost.total) == total)
        #expect(cost.idle == nil)
        #expect(cost.usageSource == nil)
    }

    @Test("usage above the request is billed, usage below it is idle")
    func usageAndIdle() {
        let workload = F.workload("api", replicas: 2, containers: [F.container("app", cpu: 0.5, memoryMi: 512)])
        let usage = WorkloadUsage(
            workload: workload.ref, source: .prometheus, containers: ["app": F.usage("app", cpu: 0.2, memoryMi: 768)])
        let cost = CostModel.cost(of: workload, usage: usage, prices: PriceSheet())
        // CPU: request 500m above the 200m used: 0.5 × 0.031611 × 1460 = 23.07603.
        #expect(F.close(cost.cpu, 23.07603))
        #expect(cost.cpuBasis == .request)
        // Memory: 768Mi used above the 512Mi request: 0.75 × 0.004237 × 1460 = 4.639515.
        #expect(F.close(cost.memory, 4.639515))
        #expect(cost.memoryBasis == .usage)
        // Idle: 300m of CPU unused, 0.3 × 0.031611 × 1460 = 13.845618; none of the memory.
        #expect(F.close(cost.idle, 13.845618))
        #expect(F.close(cost.containers[0].memory.idle, 0))
        #expect(cost.usageSource == .prometheus)
    }

    @Test("a container with no request is billed on its usage, or costs nothing and is listed")
    func missingRequests() {
        let workload = F.workload(
            "api", replicas: 1,
            containers: [F.container("app", cpu: 0.5, memoryMi: 512), F.container("sidecar", cpu: nil, memoryMi: nil)])
        let withoutUsage = CostModel.cost(of: workload, usage: nil, prices: PriceSheet())
        #expect(withoutUsage.containers[1].cpu.basis == .noRequest)
        #expect(withoutUsage.containers[1].cpu.monthly == 0)
        #expect(
            withoutUsage.missingRequests == [MissingRequest(container: "sidecar", resource: .cpu), MissingRequest(container: "sidecar", resource: .memory)])
        #expect(withoutUsage.missingRequests.map(\.description) == ["container sidecar has no CPU request", "container sidecar has no memory request"])

        let usage = WorkloadUsage(
            workload: workload.ref, source: .metricsServer,
            containers: ["app": F.usage("app", cpu: 0.5, memoryMi: 512), "sidecar": F.usage("sidecar", cpu: 0.1, memoryMi: nil)])
        let withUsage = CostModel.cost(of: workload, usage: usage, prices: PriceSheet())
        // The sidecar's 100m is billed: 0.6 × 0.031611 × 730 = 13.845618.
        #expect(F.close(withUsage.cpu, 13.845618))
        #expect(withUsage.containers[1].cpu.basis == .usage)
        #expect(withUsage.cpuBasis == .usage)
        #expect(withUsage.missingRequests == [MissingRequest(container: "sidecar", resource: .memory)])
        // Nothing was requested of the sidecar, so nothing of it is idle.
        #expect(F.close(withUsage.idle, 0))
    }

    @Test("idle cost is unknown when a requested resource has no usage figure, rather than understated")
    func partialUsage() {
        let workload = F.workload(
            "api", replicas: 1, containers: [F.container("app", cpu: 0.5, memoryMi: 512), F.container("proxy", cpu: 0.1, memoryMi: 64)])
        let usage = WorkloadUsage(workload: workload.ref, source: .prometheus, containers: ["app": F.usage("app", cpu: 0.1, memoryMi: 100)])
        let cost = CostModel.cost(of: workload, usage: usage, prices: PriceSheet())
        #expect(cost.idle == nil)
        #expect(cost.containers[1].cpu.basis == .request)
        #expect(cost.containers[0].cpu.idle != nil)
    }

    @Test("the workload's node pool and namespace set its prices")
    func overrides() throws {
        let prices = PriceSheet(
            nodePools: [NodePoolPrices(name: "spot", nodeSelector: ["karpenter.sh/capacity-type": "spot"], spotDiscountPercent: 70)],
            namespaces: [NamespacePrices(pattern: try #require(NamespacePattern("batch-*")), cpuPerCoreHour: 0.02)])
        let workload = F.workload(
            "etl", namespace: "batch-1", replicas: 1, containers: [F.container("job", cpu: 1, memoryMi: 1024)],
            nodeLabels: ["karpenter.sh/capacity-type": "spot"])
        let cost = CostModel.cost(of: workload, usage: nil, prices: prices)
        // CPU at the namespace's 0.02 × 730 = 14.6; memory at 70% off: 0.004237 × 0.3 × 730 = 0.927903.
        #expect(F.close(cost.cpu, 14.6))
        #expect(F.close(cost.memory, 0.927903))
        #expect(cost.prices.overrideName == "spot, batch-*")
    }

    @Test("the report sorts workloads by namespace, kind and name and totals each namespace")
    func report() {
        let web = F.workload("web", namespace: "shop", replicas: 1, containers: [F.container("app", cpu: 1, memoryMi: 1024)])
        let db = F.workload("db", namespace: "shop", kind: "StatefulSet", replicas: 1, containers: [F.container("pg", cpu: 2, memoryMi: 4096)])
        let api = F.workload("api", namespace: "shop", replicas: 2, containers: [F.container("app", cpu: 0.5, memoryMi: 512)])
        let etl = F.workload("etl", namespace: "batch", replicas: 1, containers: [F.container("job", cpu: 1, memoryMi: nil)])
        let usage = [api.ref: WorkloadUsage(workload: api.ref, source: .prometheus, containers: ["app": F.usage("app", cpu: 0.25, memoryMi: 512)])]
        let report = CostModel.report(workloads: [web, db, api, etl], usage: usage, prices: PriceSheet())

        #expect(report.workloads.map(\.ref.description) == ["Deployment/batch/etl", "Deployment/shop/api", "Deployment/shop/web", "StatefulSet/shop/db"])
        #expect(report.namespaces.map(\.namespace) == ["batch", "shop"])
        // shop: CPU (0.5 × 2 + 1 + 2) × 0.031611 × 730 = 92.30412; memory (0.5 × 2 + 1 + 4) × 0.004237 × 730 = 18.55806.
        let shop = report.namespaces[1]
        #expect(shop.workloads == 3)
        #expect(F.close(shop.cpu, 92.30412))
        #expect(F.close(shop.memory, 18.55806))
        #expect(F.close(shop.total, 110.86218))
        // Only api's idle is known: 250m × 2 replicas unused, 0.5 × 0.031611 × 730 = 11.538015.
        #expect(F.close(shop.idle, 11.538015))
        #expect(shop.workloadsWithoutIdle == 2)
        #expect(report.namespaces[0].idle == nil)
        // etl adds 1 × 0.031611 × 730 = 23.07603.
        #expect(F.close(report.total.total, 133.93821))
        #expect(report.total.namespace == nil)
        #expect(report.total.workloads == 4)
    }

    @Test("JSON keys are stable: basis and resource names as written in the docs")
    func encoding() throws {
        let workload = F.workload("web", replicas: 1, containers: [F.container("app", cpu: nil, memoryMi: nil)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(CostModel.cost(of: workload, usage: nil, prices: PriceSheet())), as: UTF8.self)
        #expect(json.contains(#""cpuBasis":"no-request""#))
        #expect(json.contains(#""missingRequests":[{"container":"app","resource":"cpu"}"#))
        #expect(json.contains(#""prices":{"cpuPerCoreHour":0.031611,"memoryPerGiBHour":0.004237}"#))
    }
}
