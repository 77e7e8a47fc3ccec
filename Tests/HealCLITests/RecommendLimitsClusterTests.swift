import Foundation
import HealTestSupport
import Testing

/// `recommend-limits` against the stateful fake cluster: metrics-server usage (low confidence),
/// and `--apply` with its plan, dry run, verification and rollback.
@Suite("recommend-limits against a cluster")
struct RecommendLimitsClusterTests {
    static let namespace = HealingCluster.namespace

    @Test("metrics-server usage gives low-confidence recommendations that say where they came from")
    func metricsServer() async throws {
        let healing = try HealingCluster()
        healing.cluster.setUsage(namespace: Self.namespace, deployment: "memory-hungry", container: "memory-hungry", cpu: "20m", memory: "300Mi")
        let run = await healing.run(["recommend-limits", "deployment/memory-hungry", "-o", "json"], verify: false)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let container = try #require(((document["workloads"] as? [[String: Any]])?.first?["containers"] as? [[String: Any]])?.first)
        #expect(container["confidence"] as? String == "low")
        #expect((container["reasons"] as? [String])?.contains { $0.contains("metrics-server") } == true, "\(container)")
        // 300Mi × 1.15 = 345Mi, above the OOM floor of 228Mi; CPU 20m.
        let recommended = try #require(container["recommended"] as? [String: [String: Double]])
        #expect(recommended["limits"]?["memory"] == Double(345 * 1_048_576))
        #expect(recommended["requests"]?["cpu"] == 0.02)
        #expect(((document["metadata"] as? [String: Any])?["usage"] as? [String: Any])?["source"] as? String == "metrics-server")
    }

    @Test("without metrics-server or Prometheus the run says so and falls back to the OOM kills in pod status")
    func noUsageSource() async throws {
        let healing = try HealingCluster()
        let run = await healing.run(["recommend-limits"], verify: false)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stderr.contains("no Prometheus Service found"), "\(run.stderr)")
        #expect(run.stderr.contains("metrics-server is not available"), "\(run.stderr)")
        #expect(run.stdout.contains("128Mi → 228Mi"))
    }

    @Test("RBAC that forbids listing Services hides Prometheus, not metrics-server: auto goes on and says why")
    func servicesForbidden() async throws {
        let healing = try HealingCluster()
        healing.cluster.setUsage(namespace: Self.namespace, deployment: "memory-hungry", container: "memory-hungry", cpu: "20m", memory: "300Mi")
        let forbidden = { (scope: String) in
            ScriptedResponse.status(code: 403, reason: "Forbidden", message: "services is forbidden: User \"ci\" cannot list resource \"services\" in API group \"\" \(scope)")
        }
        healing.cluster.server.script(path: "/api/v1/services", responses: Array(repeating: forbidden("at the cluster scope"), count: 8))
        healing.cluster.server.script(
            path: "/api/v1/namespaces/\(Self.namespace)/services", responses: Array(repeating: forbidden("in the namespace \"\(Self.namespace)\""), count: 8))
        let run = await healing.run(["recommend-limits", "deployment/memory-hungry"], verify: false)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stderr.contains("cannot list Services to find Prometheus"), "\(run.stderr)")
        #expect(healing.cluster.server.requests.contains { $0.path == "/api/v1/namespaces/\(Self.namespace)/services" }, "it looked in the namespace worked on")
        #expect(run.stdout.contains("128Mi → 345Mi"), "metrics-server's 300Mi was used: \(run.stdout)")
    }

    @Test("--apply --yes patches the Deployment after a dry run and verifies the rollout")
    func apply() async throws {
        let healing = try HealingCluster()
        healing.cluster.setUsage(namespace: Self.namespace, deployment: "memory-hungry", container: "memory-hungry", cpu: "20m", memory: "300Mi")
        let run = await healing.run(["recommend-limits", "deployment/memory-hungry", "--usage-source", "metrics-server", "--apply", "--yes"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("succeeded"), "\(run.stdout)")
        let container = try #require(try healing.deployment("memory-hungry").spec.template?.spec.containers.first)
        #expect(container.resources?.limits["memory"]?.text == "345Mi")
        #expect(container.resources?.requests["memory"]?.text == "345Mi")
        let patches = healing.cluster.server.requests.filter { $0.method == "PATCH" && $0.path.hasSuffix("/deployments/memory-hungry") }
        #expect(patches.count == 2)
        #expect(patches.first?.query("dryRun") == "All", "the first write is the server-side dry run")
    }

    @Test("a change that does not verify is rolled back to the recorded template: exit 1")
    func rollback() async throws {
        let healing = try HealingCluster()
        // Without usage only the OOM floor counts: 228Mi, still below the 300Mi the workload needs.
        let run = await healing.run(["recommend-limits", "deployment/memory-hungry", "--usage-source", "none", "--apply", "--yes"])
        #expect(run.exitCode == 1, "\(run.stderr)")
        #expect(run.stdout.contains("rolled-back"), "\(run.stdout)")
        let container = try #require(try healing.deployment("memory-hungry").spec.template?.spec.containers.first)
        #expect(container.resources?.limits["memory"]?.text == "128Mi")
    }

    @Test("--apply without --yes and without a terminal changes nothing: exit 64")
    func needsConfirmation() async throws {
        let healing = try HealingCluster()
        let run = await healing.run(["recommend-limits", "--usage-source", "none", "--apply"])
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains("--apply changes the cluster"), "\(run.stderr)")
        #expect(!healing.cluster.server.requests.contains { $0.method == "PATCH" })
    }
}
