import Foundation
import HealAnalysis
import HealModel
import Testing

private let mi = SizingExample.mi

@Suite("WorkloadResources.all reads the workloads to size from a snapshot")
struct WorkloadInventoryTests {
    /// An autoscaling/v2 HorizontalPodAutoscaler for memory-hungry that leaves minReplicas to its default (1).
    private static let autoscaler = """
        {
          "apiVersion": "autoscaling/v2",
          "kind": "HorizontalPodAutoscaler",
          "metadata": {"name": "memory-hungry", "namespace": "agentic-demo", "uid": "6f1c2a3e-8a7d-4a51-9a43-2b0c1f5e7d10"},
          "spec": {
            "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "memory-hungry"},
            "maxReplicas": 4,
            "metrics": [{"type": "Resource", "resource": {"name": "memory", "target": {"type": "Utilization", "averageUtilization": 80}}}]
          }
        }
        """

    private func agenticDemo() throws -> [WorkloadResources] {
        var snapshot = try Scenario("agentic-demo").snapshot
        let autoscaler = try JSONDecoder().decode(HorizontalPodAutoscaler.self, from: Data(Self.autoscaler.utf8))
        snapshot.insert(autoscaler)
        return WorkloadResources.all(in: snapshot)
    }

    @Test("the captured memory-hungry Deployment: its spec, its pod, its OOM kill at 128Mi, its node and its HPA")
    func memoryHungry() throws {
        let workloads = try agenticDemo()
        #expect(workloads.map(\.ref.description) == ["alpine-app", "memory-hungry", "mysql-client", "web-server"].map { "Deployment/agentic-demo/\($0)" })
        let hungry = try #require(workloads.first { $0.ref.name == "memory-hungry" })
        #expect(hungry.replicas == 1)
        #expect(hungry.autoscaling == ReplicaBounds(min: 1, max: 4, autoscaler: "memory-hungry"))
        let fiftyMillicores = try #require(Quantity("50m")).value
        #expect(
            hungry.containers == [
                ContainerResources(
                    name: "memory-hungry", requests: ResourceAmounts(cpu: fiftyMillicores, memory: 64 * mi), limits: ResourceAmounts(memory: 128 * mi))
            ])
        #expect(hungry.podNames == ["memory-hungry-6478d69d96-mg7j2"])
        let killedAt = try #require(Timestamp(rfc3339: "2026-11-21T19:37:25Z"))
        #expect(hungry.oomKills == ["memory-hungry": [OOMKill(limitBytes: 128 * mi, at: killedAt, seenIn: "pod status")]])
        #expect(hungry.nodeLabels["kubernetes.io/hostname"] == "node-1")
        #expect(hungry.labels == ["app": "memory-hungry"])
        // kubectl's last-applied configuration is dropped while decoding.
        #expect(hungry.annotations == ["deployment.kubernetes.io/revision": "1"])
    }

    @Test("containers killed for other reasons, unlimited containers and untargeted workloads carry no kills, amounts or bounds")
    func othersInTheDemo() throws {
        let workloads = try agenticDemo()
        let mysql = try #require(workloads.first { $0.ref.name == "mysql-client" })
        #expect(mysql.oomKills.isEmpty)
        #expect(mysql.autoscaling == nil)
        let alpine = try #require(workloads.first { $0.ref.name == "alpine-app" })
        #expect(alpine.containers == [ContainerResources(name: "alpine-app")])
    }

    @Test(
        "StatefulSets and DaemonSets are read as Deployments are; a DaemonSet's replicas are the nodes it should run on; Jobs are left out",
        arguments: [
            ("hpa-at-max", ["Deployment/demo/frontend"], [5], [ReplicaBounds(min: 2, max: 5, cpuUtilizationTarget: 70, autoscaler: "frontend")], [5]),
            ("statefulset-not-ready", ["StatefulSet/demo/web"], [3], [nil], [2]),
            ("daemonset-not-ready", ["DaemonSet/demo/log-agent"], [3], [nil], [2]),
            ("job-backoff-limit", [], [], [], []),
        ] as [(String, [String], [Int], [ReplicaBounds?], [Int])])
    func kinds(scenario: String, refs: [String], replicas: [Int], bounds: [ReplicaBounds?], pods: [Int]) throws {
        let workloads = WorkloadResources.all(in: try Scenario(scenario).snapshot)
        #expect(workloads.map(\.ref.description) == refs)
        #expect(workloads.map(\.replicas) == replicas)
        #expect(workloads.map(\.autoscaling) == bounds)
        #expect(workloads.map(\.podNames.count) == pods)
        #expect(workloads.allSatisfy { $0.nodeLabels["kubernetes.io/hostname"] == "node-1" })
    }

    @Test("without usage, memory-hungry's OOM kill alone gives a memory-only patch: 228Mi, CPU left at 50m")
    func memoryHungryPatch() throws {
        let hungry = try #require(try agenticDemo().first { $0.ref.name == "memory-hungry" })
        let result = Recommender.recommend(hungry, usage: nil, settings: RecommenderSettings())
        #expect(result.source == .none)
        #expect(result.containers.first?.confidence == .low)
        #expect(
            try result.patchJSON
                == #"{"spec":{"template":{"spec":{"containers":[{"name":"memory-hungry","resources":{"limits":{"memory":"228Mi"},"requests":{"cpu":"50m","memory":"228Mi"}}}]}}}}"#
        )
    }
}
