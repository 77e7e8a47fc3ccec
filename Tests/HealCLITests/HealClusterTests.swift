import Foundation
import HealModel
import HealStore
import HealTestSupport
import Testing

/// The healing loop end to end: the real CLI against the stateful fake cluster, whose pods
/// fail or run according to their specs. Each test gets its own cluster and store.
@Suite("diagnose --fix heals, verifies, rolls back and remembers", .serialized)
struct HealClusterTests {
    private func workloadName(_ event: [String: Any]) -> String? {
        (event["workload"] as? [String: Any])?["name"] as? String
    }

    private func parameter(_ event: [String: Any], _ key: String) -> String? {
        ((event["step"] as? [String: Any])?["parameters"] as? [String: Any])?[key] as? String
    }

    private func source(_ event: [String: Any]) -> String? {
        (event["step"] as? [String: Any])?["source"] as? String
    }

    @Test("--fix --yes repairs the image typos and the OOM workload (228Mi rolled back, 328Mi verified) and records every attempt")
    func firstOccurrence() async throws {
        let heal = try HealingCluster()
        try await heal.recreate("mysql-client")
        let run = await heal.run(["diagnose", "--fix", "--yes", "-o", "json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(try heal.container(of: "web-server").image == "nginx:latest")
        #expect(try heal.container(of: "alpine-app").image == "alpine:3.18")
        #expect(try heal.container(of: "memory-hungry").resources?.limits["memory"]?.text == "328Mi")
        let rolledBack = run.events("rolled-back")
        #expect(rolledBack.count == 1)
        #expect(rolledBack.first.flatMap { parameter($0, "to") } == "228Mi")
        #expect(Set(run.events("succeeded").compactMap(workloadName)) == ["web-server", "alpine-app", "memory-hungry"])

        // The missing-env workload is left alone: no value was given, and none is invented.
        let mysql = try heal.container(of: "mysql-client")
        #expect(mysql.env.allSatisfy { $0.isEmpty })
        let leftAlone = run.events("left-alone").first { workloadName($0) == "mysql-client" }
        #expect((leftAlone?["message"] as? String)?.contains("--env MYSQL_HOST=VALUE") == true)

        let store = try heal.openStore()
        let attempts = try await store.attempts(patternID: nil)
        #expect(attempts.count == 4)
        #expect(attempts.filter { $0.outcome == .succeeded }.count == 3)
        #expect(attempts.filter { $0.outcome == .rolledBack }.count == 1)
        #expect(attempts.allSatisfy { !$0.patch.isEmpty && $0.priorState.contains("containers") && $0.source == .rule })
        let reasons = try heal.healEventReasons()
        #expect(reasons.filter { $0 == "HealActionSucceeded" }.count == 3)
        #expect(reasons.contains("HealActionRolledBack"))
        #expect(run.jsonLines.last?["kind"] as? String == "HealSummary")
    }

    @Test("--fix leaves alone what --ignore suppresses and what a severity rule takes down to info; it heals the rest")
    func suppressedNotHealed() async throws {
        let heal = try HealingCluster()
        let config = try heal.folder.write("config.yaml", """
            apiVersion: heal.kubectl.io/v1alpha1
            kind: HealConfig
            severity:
              - codes: [oom-killed]
                severity: info
                reason: the batch team resizes memory-hungry by hand
            """)
        let run = await heal.run(["diagnose", "--fix", "--yes", "-o", "json", "--ignore", "image-tag-not-found", "--config", config.path])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(try heal.container(of: "web-server").image == "nginx:latst", "suppressed: not healed")
        #expect(try heal.container(of: "memory-hungry").resources?.limits["memory"]?.text == "128Mi", "re-graded to info: not healed")
        #expect(try heal.container(of: "alpine-app").image == "alpine:3.18", "the rest is healed")
        let acted = Set(run.events("applying").compactMap(workloadName))
        #expect(acted.contains("alpine-app") && acted.isDisjoint(with: ["web-server", "memory-hungry"]), "\(run.stdout)")
        #expect(!run.events("detected").contains { workloadName($0) == "web-server" || workloadName($0) == "memory-hungry" })
    }

    @Test("re-created broken workloads are fixed from memory in one step (straight to 328Mi), with no rollback")
    func secondOccurrenceFromMemory() async throws {
        let heal = try HealingCluster()
        try await heal.recreate("mysql-client")
        let first = await heal.run(["diagnose", "--fix", "--yes", "-o", "json"])
        #expect(first.exitCode == 0)
        for name in ["memory-hungry", "web-server", "alpine-app"] { try await heal.recreate(name) }
        #expect(try heal.container(of: "memory-hungry").resources?.limits["memory"]?.text == "128Mi")

        let second = await heal.run(["diagnose", "--fix", "--yes", "-o", "json"])
        #expect(second.exitCode == 0, "\(second.stderr)")
        let applied = second.events("applying")
        #expect(applied.count == 3, "\(second.stdout)")
        #expect(applied.allSatisfy { source($0) == "learned" })
        #expect(applied.first { workloadName($0) == "memory-hungry" }.flatMap { parameter($0, "to") } == "328Mi")
        #expect(second.events("rolled-back").isEmpty)
        #expect(try heal.container(of: "memory-hungry").resources?.limits["memory"]?.text == "328Mi")
        let summary = try #require(second.jsonLines.last)
        #expect(summary["fromMemory"] as? Int == 3)
    }

    @Test("fixes that do not verify are rolled back to the recorded template and recorded as such; exit 1")
    func rollbackWhenNotVerified() async throws {
        let heal = try HealingCluster()
        // memory-hungry needs 300Mi; the cap stops the ladder at 250Mi, which is not enough.
        let run = await heal.run(["diagnose", "deployment/memory-hungry", "--fix", "--yes", "--max-memory", "250Mi", "-o", "json"])
        #expect(run.exitCode == 1, "\(run.stdout)\(run.stderr)")
        #expect(try heal.container(of: "memory-hungry").resources?.limits["memory"]?.text == "128Mi")
        #expect(run.events("rolled-back").compactMap { parameter($0, "to") } == ["228Mi", "250Mi"])
        let attempts = try await heal.openStore().attempts(patternID: nil)
        #expect(attempts.map(\.outcome) == [.rolledBack, .rolledBack])
        #expect(attempts.allSatisfy { $0.verification.contains("OOMKilled") && $0.verification.contains("restored") })
        #expect(try heal.healEventReasons().filter { $0 == "HealActionRolledBack" }.count == 2)

        // Run again: both sizes failed on this incident, so neither is repeated.
        let again = await heal.run(["diagnose", "deployment/memory-hungry", "--fix", "--yes", "--max-memory", "250Mi", "--cooldown", "0s", "-o", "json"])
        #expect(again.events("applying").isEmpty)
        #expect(again.events("left-alone").contains { ($0["message"] as? String)?.contains("not repeated") == true })
    }

    @Test("with --env values the missing-env workload is repaired; the literal never reaches output, events or the store")
    func missingEnvWithValues() async throws {
        let heal = try HealingCluster()
        try await heal.recreate("mysql-client")
        try heal.cluster.create(json: #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"mysql","namespace":"agentic-demo"},"type":"Opaque","data":{"root-password":"aHVudGVyMg=="}}"#)
        let run = await heal.run([
            "diagnose", "deployment/mysql-client", "--fix", "--yes", "--env", "MYSQL_HOST=mysql-primary.db.svc",
            "--env", "MYSQL_ROOT_PASSWORD=secret:mysql/root-password",
        ])
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        let env = try heal.container(of: "mysql-client").env
        #expect(env.first { $0.name == "MYSQL_HOST" }?.hasSameValue(as: EnvVar(name: "MYSQL_HOST", value: "mysql-primary.db.svc")) == true)
        #expect(env.first { $0.name == "MYSQL_ROOT_PASSWORD" }?.valueFrom?.secretKeyRef?.name == "mysql")
        #expect(!run.stdout.contains("mysql-primary.db.svc") && !run.stderr.contains("mysql-primary.db.svc"))
        let storeBytes = try Data(contentsOf: heal.store)
        #expect(storeBytes.range(of: Data("mysql-primary.db.svc".utf8)) == nil)
        let events = heal.cluster.objects(in: "/api/v1/namespaces/agentic-demo/events").map { String(decoding: $0, as: UTF8.self) }
        #expect(!events.contains { $0.contains("mysql-primary.db.svc") })
    }

    @Test("an unrelated symptom never receives another workload's learned fix")
    func unrelatedSymptom() async throws {
        let heal = try HealingCluster()
        _ = await heal.run(["diagnose", "deployment/memory-hungry", "--fix", "--yes"])
        // Another workload, another container, OOM-killed at 64Mi.
        var manifest = try FakeCluster.agenticDemoManifest("memory-hungry")
        manifest = manifest.replacingOccurrences(of: "memory-hungry", with: "cache-warmer").replacingOccurrences(of: "128Mi", with: "64Mi")
        heal.cluster.setNeeds(WorkloadNeeds(memory: "150Mi"), namespace: HealingCluster.namespace, deployment: "cache-warmer")
        try heal.cluster.create(json: manifest)
        try #require(await heal.cluster.settle())
        let run = await heal.run(["diagnose", "deployment/cache-warmer", "--fix", "--yes", "-o", "json"])
        let applied = run.events("applying")
        #expect(applied.first.flatMap(source) == "rule")
        #expect(applied.first.flatMap { parameter($0, "to") } == "164Mi")
        #expect(try heal.container(of: "cache-warmer").resources?.limits["memory"]?.text == "164Mi")
    }

    @Test("nothing changes without --fix, or without --yes when there is no terminal to ask on")
    func nothingWithoutConsent() async throws {
        let heal = try HealingCluster()
        let report = await heal.run(["diagnose"])
        #expect(report.exitCode == 0)
        let unconfirmed = await heal.run(["diagnose", "--fix", "-o", "json"])
        #expect(unconfirmed.exitCode == 0)
        #expect(unconfirmed.events("applying").isEmpty)
        #expect(unconfirmed.events("left-alone").contains { ($0["message"] as? String)?.contains("--yes") == true })
        #expect(try heal.container(of: "web-server").image == "nginx:latst")
        #expect(try heal.container(of: "memory-hungry").resources?.limits["memory"]?.text == "128Mi")
        #expect(try heal.healEventReasons().isEmpty)
    }

    @Test("a policy file decides what runs unattended: deny wins even over --yes, allow needs no --yes")
    func policy() async throws {
        let heal = try HealingCluster()
        let policy = try heal.folder.write("policy.yaml", """
            apiVersion: heal.kubectl.io/v1alpha1
            kind: HealPolicy
            default: confirm
            rules:
              - namespaces: [agentic-demo]
                allow: [set-image]
                deny: [raise-memory-limit]
            """)
        let run = await heal.run(["diagnose", "--fix", "--policy", policy.path, "-o", "json"])
        #expect(try heal.container(of: "web-server").image == "nginx:latest")
        #expect(try heal.container(of: "memory-hungry").resources?.limits["memory"]?.text == "128Mi")
        #expect(run.events("left-alone").contains { workloadName($0) == "memory-hungry" && ($0["message"] as? String)?.contains("denies") == true })
    }

    @Test("GitOps-managed workloads need --force")
    func gitOps() async throws {
        let heal = try HealingCluster()
        try heal.cluster.mergePatch(
            at: "/apis/apps/v1/namespaces/agentic-demo/deployments/web-server",
            json: #"{"metadata":{"labels":{"app.kubernetes.io/instance":"web"},"annotations":{"argocd.argoproj.io/tracking-id":"web:apps/Deployment:agentic-demo/web-server"}}}"#)
        let refused = await heal.run(["diagnose", "deployment/web-server", "--fix", "--yes", "-o", "json"])
        #expect(refused.events("left-alone").contains { ($0["message"] as? String)?.contains("--force") == true })
        #expect(try heal.container(of: "web-server").image == "nginx:latst")
        let forced = await heal.run(["diagnose", "deployment/web-server", "--fix", "--yes", "--force", "-o", "json"])
        #expect(forced.exitCode == 0)
        #expect(try heal.container(of: "web-server").image == "nginx:latest")
    }

    @Test("kube-system is only touched when named with -n")
    func kubeSystem() async throws {
        let heal = try HealingCluster()
        let manifest = try FakeCluster.agenticDemoManifest("web-server").replacingOccurrences(of: "\"agentic-demo\"", with: "\"kube-system\"")
        try heal.cluster.create(json: manifest)
        try #require(await heal.cluster.settle())
        let everywhere = await heal.run(["diagnose", "-A", "--fix", "--yes", "-o", "json"], namespace: nil)
        #expect(everywhere.events("left-alone").contains { ($0["message"] as? String)?.contains("kube-system") == true })
        #expect(try heal.container(of: "web-server", namespace: "kube-system").image == "nginx:latst")
        let named = await heal.run(["diagnose", "--fix", "--yes"], namespace: "kube-system")
        #expect(named.exitCode == 0, "\(named.stdout)")
        #expect(try heal.container(of: "web-server", namespace: "kube-system").image == "nginx:latest")
    }

    @Test("the ConfigMap store works for the loop as the SQLite one does")
    func configMapStore() async throws {
        let heal = try HealingCluster()
        let run = await heal.run(["diagnose", "deployment/web-server", "--fix", "--yes"], storeFlag: "configmap://agentic-demo/heal-memory")
        #expect(run.exitCode == 0, "\(run.stderr)")
        let configMap = try #require(heal.cluster.object(at: "/api/v1/namespaces/agentic-demo/configmaps/heal-memory"))
        #expect(String(decoding: configMap, as: UTF8.self).contains("set-image"))
    }
}
