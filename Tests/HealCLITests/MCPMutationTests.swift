import Foundation
import HealTestSupport
import MCP
import Testing

/// The mutating tools of `kubectl heal mcp --allow-mutations` against the stateful fake
/// cluster: they dry-run, verify and roll back as the CLI does, return the plan, the patch and
/// the verification, and a --policy deny wins. Real time (rollouts are verified), so these run
/// with the real-time suites.
@Suite("kubectl heal mcp: mutating tools", .serialized)
struct MCPMutationTests {
    private func healingSession(_ heal: HealingCluster, _ extra: [String] = []) async throws -> MCPSession {
        try await MCPSession(
            ["--kubeconfig", heal.kubeconfig.path, "-n", HealingCluster.namespace, "--allow-mutations", "--store", heal.store.path, "--verify-for", "300ms"] + extra,
            now: Date.init)
    }

    private func items(_ result: CallTool.Result, type: String) -> [Value] {
        (result.structuredContent?["items"]?.arrayValue ?? []).filter { $0["type"] == .string(type) }
    }

    @Test("apply_fix heals like diagnose --fix --yes: plans, patches, verifies, rolls back the fix that does not hold, remembers")
    func applyFix() async throws {
        let heal = try HealingCluster()
        try await heal.recreate("mysql-client")
        let session = try await healingSession(heal)
        let result = try await session.call("apply_fix")
        #expect(result.isError == false, "\(result.text)")
        #expect(result.structuredContent?["kind"] == "HealEventList")
        let applying = items(result, type: "applying")
        #expect(applying.count == 4, "\(result.text)")
        #expect(applying.allSatisfy { $0["step"]?["patch"] != nil })
        #expect(Set(items(result, type: "succeeded").compactMap { $0["workload"]?["name"]?.stringValue }) == ["web-server", "alpine-app", "memory-hungry"])
        #expect(items(result, type: "rolled-back").count == 1)
        #expect(items(result, type: "succeeded").allSatisfy { $0["verification"]?.stringValue?.isEmpty == false }, "\(result.text)")
        #expect(result.structuredContent?["summary"]?["fixed"] == 3)
        #expect(try heal.container(of: "web-server").image == "nginx:latest")
        #expect(try heal.container(of: "memory-hungry").resources?.limits["memory"]?.text == "328Mi")
        let dryRuns = heal.cluster.server.requests.filter { $0.method == "PATCH" && $0.query("dryRun") == "All" }
        #expect(dryRuns.count >= 4, "every change is dry-run on the server first")
        #expect(try await heal.openStore().attempts(patternID: nil).count == 4)
        #expect(await session.closeInput() == 0)
    }

    @Test("a --policy deny wins over --allow-mutations: the incident is left alone and nothing changes")
    func policyDenies() async throws {
        let heal = try HealingCluster()
        let policy = try heal.folder.write("policy.yaml", """
            apiVersion: heal.kubectl.io/v1alpha1
            kind: HealPolicy
            default: deny
            """)
        let session = try await healingSession(heal, ["--policy", policy.path])
        let result = try await session.call("apply_fix", ["targets": ["deployment/web-server"]])
        #expect(result.isError == false, "\(result.text)")
        #expect(items(result, type: "applying").isEmpty)
        let leftAlone = items(result, type: "left-alone").compactMap { $0["message"]?.stringValue }
        #expect(leftAlone.contains { $0.contains("denies set-image") }, "\(result.text)")
        #expect(try heal.container(of: "web-server").image == "nginx:latst")
        #expect(!heal.cluster.server.requests.contains { $0.method == "PATCH" })
        #expect(await session.closeInput() == 0)
    }

    @Test("apply_limits applies after a dry run and verifies; a change that does not verify is rolled back and reported as an error")
    func applyLimits() async throws {
        let heal = try HealingCluster()
        heal.cluster.setUsage(namespace: HealingCluster.namespace, deployment: "memory-hungry", container: "memory-hungry", cpu: "20m", memory: "300Mi")
        let session = try await healingSession(heal)
        let applied = try await session.call("apply_limits", ["target": "deployment/memory-hungry", "usage_source": "metrics-server"])
        #expect(applied.isError == false, "\(applied.text)")
        let results = try #require(applied.structuredContent?["applied"]?.arrayValue)
        #expect(results.count == 1)
        #expect(results.first?["outcome"] == "succeeded", "\(applied.text)")
        #expect(try heal.container(of: "memory-hungry").resources?.limits["memory"]?.text == "345Mi")
        #expect(await session.closeInput() == 0)

        let other = try HealingCluster()
        let second = try await healingSession(other)
        // Without usage only the OOM floor counts: 228Mi, below the 300Mi the workload needs.
        let rolledBack = try await second.call("apply_limits", ["target": "deployment/memory-hungry", "usage_source": "none"])
        #expect(rolledBack.isError == true)
        #expect(rolledBack.structuredContent?["applied"]?.arrayValue?.first?["outcome"] == "rolled-back", "\(rolledBack.text)")
        #expect(try other.container(of: "memory-hungry").resources?.limits["memory"]?.text == "128Mi")
        #expect(await second.closeInput() == 0)
    }

    @Test("failover_apply switches, verifies and scales the old colour down; a failing standby is refused and the Service left as it was")
    func failoverApply() async throws {
        let blueGreen = try BlueGreenCluster()
        let session = try await MCPSession(
            ["--kubeconfig", blueGreen.kubeconfig.path, "-n", BlueGreenCluster.namespace, "--allow-mutations"], now: Date.init)
        let result = try await session.call("failover_apply", ["service": "web", "to": "green", "scale_down_old_after": "0s"])
        #expect(result.isError == false, "\(result.text)")
        #expect(result.structuredContent?["outcome"] == "succeeded")
        #expect(result.structuredContent?["plan"]?["to"] == "green")
        let steps = result.structuredContent?["steps"]?.arrayValue?.compactMap { $0["kind"]?.stringValue }
        #expect(steps == ["scale-standby", "wait-ready", "switch-selector", "verify", "scale-down-old"])
        #expect(try blueGreen.activeColour() == "green")

        await blueGreen.setBehaviour(.crashLoop(exitCode: 1, log: ["panic: cannot connect to database"]), "web-blue")
        let refused = try await session.call("failover_apply", ["service": "web", "to": "blue", "timeout": "20s"])
        #expect(refused.isError == true)
        #expect(refused.text.contains("refusing to switch to blue"), "\(refused.text)")
        #expect(try blueGreen.activeColour() == "green")
        #expect(await session.closeInput() == 0)
    }

    @Test("failover_apply is refused when the policy denies scaling a colour's Deployment")
    func failoverPolicy() async throws {
        let blueGreen = try BlueGreenCluster()
        let policy = try blueGreen.folder.write("policy.yaml", """
            apiVersion: heal.kubectl.io/v1alpha1
            kind: HealPolicy
            rules:
              - namespaces: ["\(BlueGreenCluster.namespace)"]
                deny: [scale]
            """)
        let session = try await MCPSession(
            ["--kubeconfig", blueGreen.kubeconfig.path, "-n", BlueGreenCluster.namespace, "--allow-mutations", "--policy", policy.path], now: Date.init)
        let result = try await session.call("failover_apply", ["service": "web", "to": "green"])
        #expect(result.isError == true)
        #expect(result.text.contains("refusing to fail over: a failover scales deployment/web-green, and rule 1 of"), "\(result.text)")
        #expect(result.text.contains("denies scale"))
        #expect(try blueGreen.activeColour() == "blue")
        #expect(blueGreen.cluster.server.requests.allSatisfy { $0.method == "GET" })
        #expect(await session.closeInput() == 0)
    }
}
