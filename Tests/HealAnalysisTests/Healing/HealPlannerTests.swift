import HealAnalysis
import HealModel
import Testing

@Suite("HealPlanner: learned fix first, then the rule; only allowed actions and user-given values")
struct HealPlannerTests {
    private func incident(_ scenario: String, workload: String) throws -> HealIncident {
        let loaded = try Scenario(scenario)
        let finding = try #require(loaded.diagnose().findings.first { $0.workload.name == workload && $0.remediation != nil })
        let pod = loaded.snapshot.pods.first { $0.metadata.name == finding.resource.name }
        let logs = pod.flatMap { pod in loaded.snapshot.logs[ContainerLogKey(namespace: "agentic-demo", pod: pod.metadata.name, container: finding.container ?? "")] }
        let deployment = try #require(loaded.snapshot.deployments.first { $0.metadata.name == workload })
        return HealIncident(
            finding: finding, fingerprint: IncidentFingerprint.of(finding, pod: pod, logs: logs),
            templateContainers: deployment.spec.template?.spec.containers ?? [])
    }

    private func planner(_ configure: (inout HealPlannerSettings) -> Void = { _ in }) -> HealPlanner {
        var settings = HealPlannerSettings()
        configure(&settings)
        return HealPlanner(settings: settings)
    }

    @Test("OOMKilled at 128Mi climbs 228Mi, 328Mi, 428Mi by max(+100Mi, ×1.2); doubling climbs 256Mi, 512Mi, 1Gi")
    func memoryLadder() throws {
        let oom = try incident("agentic-demo", workload: "memory-hungry")
        let bump = planner().plan(oom, learned: [], failedBefore: [])
        #expect(bump.steps.map { $0.parameters["to"] } == ["228Mi", "328Mi", "428Mi"])
        #expect(bump.steps.allSatisfy { $0.action == .raiseMemoryLimit && $0.source == .rule })
        let doubled = planner { $0.memoryStep = .double }.plan(oom, learned: [], failedBefore: [])
        #expect(doubled.steps.map { $0.parameters["to"] } == ["256Mi", "512Mi", "1Gi"])
        let patch = try #require(bump.steps.first?.patch)
        #expect(patch.target == ResourceRef(kind: "Deployment", namespace: "agentic-demo", name: "memory-hungry"))
        #expect(patch.body == .object(["spec": .object(["template": .object(["spec": .object(["containers": .array([
            .object(["name": .string("memory-hungry"), "resources": .object(["limits": .object(["memory": .string("228Mi")])])]),
        ])])])])]))
    }

    @Test("--max-memory caps the ladder, and a container at the cap is left alone")
    func memoryCap() throws {
        let oom = try incident("agentic-demo", workload: "memory-hungry")
        let capped = planner { $0.maxMemoryBytes = 300 * 1_048_576 }.plan(oom, learned: [], failedBefore: [])
        #expect(capped.steps.map { $0.parameters["to"] } == ["228Mi", "300Mi"])
        let atCap = planner { $0.maxMemoryBytes = 128 * 1_048_576 }.plan(oom, learned: [], failedBefore: [])
        #expect(atCap.steps.isEmpty)
        #expect(atCap.leftAlone?.contains("--max-memory") == true)
    }

    @Test("a learned value for this workload goes first (straight to 328Mi); sizes that failed before are skipped")
    func learnedMemory() throws {
        let oom = try incident("agentic-demo", workload: "memory-hungry")
        let learned = LearnedFix(patternID: "abc123def456", action: .raiseMemoryLimit, template: [:], valueForWorkload: ["to": "328Mi"], successes: 2, failures: 1)
        let plan = planner().plan(oom, learned: [learned], failedBefore: [])
        #expect(plan.steps.first?.parameters["to"] == "328Mi")
        #expect(plan.steps.first?.source == .learned)
        #expect(plan.steps.first?.reason.contains("abc123def456") == true)
        let afterFailure = planner().plan(oom, learned: [], failedBefore: ["raise-memory-limit to=228Mi"])
        #expect(afterFailure.steps.map { $0.parameters["to"] } == ["328Mi", "428Mi"])
    }

    @Test("a learned pattern without a value for this workload is not replayed as another workload's value")
    func learnedValueStaysWithItsWorkload() throws {
        let oom = try incident("agentic-demo", workload: "memory-hungry")
        let learnedElsewhere = LearnedFix(patternID: "p1", action: .raiseMemoryLimit, template: [:], valueForWorkload: nil, successes: 5, failures: 0)
        let plan = planner().plan(oom, learned: [learnedElsewhere], failedBefore: [])
        #expect(plan.steps.map { $0.parameters["to"] } == ["228Mi", "328Mi", "428Mi"])
    }

    @Test("an image typo gets the corrected image; a learned correction for the same broken image comes first")
    func image() throws {
        let typo = try incident("agentic-demo", workload: "web-server")
        let rule = planner().plan(typo, learned: [], failedBefore: [])
        #expect(rule.steps.map { $0.parameters["image"] } == ["nginx:latest"])
        let learned = LearnedFix(patternID: "p2", action: .setImage, template: [:], valueForWorkload: ["from": "nginx:latst", "image": "nginx:1.27"], successes: 1, failures: 0)
        let plan = planner().plan(typo, learned: [learned], failedBefore: [])
        #expect(plan.steps.map { $0.parameters["image"] } == ["nginx:1.27", "nginx:latest"])
        #expect(plan.steps.map(\.source) == [.learned, .rule])
        let stale = LearnedFix(patternID: "p3", action: .setImage, template: [:], valueForWorkload: ["from": "nginx:lates", "image": "nginx:1.27"], successes: 1, failures: 0)
        #expect(planner().plan(typo, learned: [stale], failedBefore: []).steps.map(\.source) == [.rule])
    }

    @Test("missing variables are left alone unless the user gives every value; literals never show")
    func missingEnv() throws {
        let crash = try incident("agentic-demo", workload: "mysql-client")
        let alone = planner().plan(crash, learned: [], failedBefore: [])
        #expect(alone.steps.isEmpty)
        #expect(alone.leftAlone?.contains("--env MYSQL_HOST=VALUE") == true)
        let partial = planner { $0.env = ["MYSQL_HOST": .literal("mysql")] }.plan(crash, learned: [], failedBefore: [])
        #expect(partial.steps.isEmpty)
        let given = planner {
            $0.env = ["MYSQL_HOST": .literal("mysql.db.svc"), "MYSQL_ROOT_PASSWORD": EnvValueSource(flagValue: "secret:mysql/root-password")]
        }.plan(crash, learned: [], failedBefore: [])
        let step = try #require(given.steps.first)
        #expect(step.action == .setEnv)
        let sent = String(describing: step.patch)
        #expect(sent.contains("mysql.db.svc"))
        let shown = String(describing: step.redactedPatch)
        #expect(!shown.contains("mysql.db.svc"))
        #expect(shown.contains("root-password"))
        #expect(!step.summary.contains("mysql.db.svc") && !step.parameters.values.joined().contains("mysql.db.svc"))
    }

    @Test("when the newest rollout removed the variables, the rollback is planned; given values fix forward first")
    func rolloutIntroducedFailure() throws {
        let crash = try incident("agentic-demo-rollout", workload: "mysql-client")
        let plan = planner().plan(crash, learned: [], failedBefore: [])
        #expect(plan.steps.map(\.action) == [.rollback])
        #expect(plan.steps.first?.parameters["revision"] == "2")
        let forward = planner {
            $0.env = ["MYSQL_HOST": .literal("mysql"), "MYSQL_ROOT_PASSWORD": .secretKey(name: "mysql", key: "password")]
        }.plan(crash, learned: [], failedBefore: [])
        #expect(forward.steps.map(\.action) == [.setEnv, .rollback])
    }

    @Test("a fix that failed before on this incident is not repeated")
    func notRepeated() throws {
        let typo = try incident("agentic-demo", workload: "web-server")
        let plan = planner().plan(typo, learned: [], failedBefore: ["set-image image=nginx:latest"])
        #expect(plan.steps.isEmpty)
        #expect(plan.leftAlone?.contains("not repeated") == true)
    }

    @Test("the fingerprint: symptom, last termination, owner kind, container, log signature, image family — not the workload name")
    func fingerprint() throws {
        let oom = try incident("agentic-demo", workload: "memory-hungry").fingerprint
        #expect(oom.code == "oom-killed")
        #expect(oom.lastTermination == "OOMKilled")
        #expect(oom.ownerKind == "Deployment")
        #expect(oom.container == "memory-hungry")
        #expect(oom.hash.count == 16)
        let typo = try incident("agentic-demo", workload: "web-server").fingerprint
        #expect(typo.reason == "ImagePullBackOff")
        #expect(typo.imageFamily == "nginx")
        #expect(oom.hash != typo.hash)
        var renamed = oom
        renamed.container = "other"
        #expect(renamed.hash != oom.hash)
    }
}
