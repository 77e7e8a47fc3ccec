import Foundation
import HealModel
import HealStore
import HealTestSupport
import Testing

/// LLM plans in the healing loop end to end: an incident no rule covers (a JVM whose heap,
/// sized from its memory limit, runs out: it exits 1 logging java.lang.OutOfMemoryError, which
/// the rules explain but leave to a person), the scripted OpenAI-compatible server proposing
/// plans, the fake cluster verifying them.
@Suite("diagnose --fix asks an LLM for a plan only when no rule or learned fix covers the incident, validates it and learns it", .serialized)
struct HealLLMClusterTests {
    static let javaLog = [
        "Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75.0",
        "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
        "\tat com.example.cache.Loader.load(Loader.java:42)",
    ]

    /// The captured agentic demo with memory-hungry turned into the JVM incident (needs 300Mi).
    private func javaIncident() async throws -> HealingCluster {
        let heal = try HealingCluster()
        heal.cluster.setNeeds(WorkloadNeeds(memory: "300Mi", outOfMemoryLog: Self.javaLog), namespace: HealingCluster.namespace, deployment: "memory-hungry")
        try #require(await heal.cluster.settle(), "the kubelet has taken the new need into account")
        return heal
    }

    private static func raiseMemory(to memory: String) -> @Sendable (String) -> [[String: Any]] {
        { container in [["action": "raise-memory-limit", "parameters": ["container": container, "memory": memory], "reason": "the heap is sized from the limit"]] }
    }

    private func message(_ event: [String: Any]) -> String { event["message"] as? String ?? "" }

    @Test("without an LLM the JVM incident is left alone: no rule covers it")
    func withoutLLM() async throws {
        let heal = try await javaIncident()
        let run = await heal.run(["diagnose", "deployment/memory-hungry", "--fix", "--yes", "-o", "json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.events("applying").isEmpty)
        #expect(run.events("detected").contains { ($0["code"] as? String) == "jvm-out-of-memory" })
        #expect(try heal.container(of: "memory-hungry").resources?.limits["memory"]?.text == "128Mi")
    }

    @Test("a verified LLM plan fixes it and is learned; the re-created incident is fixed from memory with zero calls")
    func verifiedPlanIsLearned() async throws {
        let heal = try await javaIncident()
        let llm = try ScriptedLLM(answer: ScriptedLLM.plan(Self.raiseMemory(to: "512Mi")))
        let run = await heal.run(["diagnose", "deployment/memory-hungry", "--fix", "--yes", "-o", "json", "--no-cache"], variables: llm.variables)
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        #expect(llm.server.chats.count == 1)
        let applied = try #require(run.events("applying").first)
        #expect((applied["step"] as? [String: Any])?["source"] as? String == "llm")
        #expect(message(applied).contains("llm: the heap is sized from the limit"))
        #expect(run.events("succeeded").count == 1)
        #expect(try heal.container(of: "memory-hungry").resources?.limits["memory"]?.text == "512Mi")
        let first = try await heal.openStore().attempts(patternID: nil)
        #expect(first.map(\.source) == [.llm])
        #expect(first.map(\.llmCalls) == [1])
        // The prompt was anonymized: the real workload name was restored from the plan's placeholder.
        #expect(!llm.server.requests.map(\.bodyText).joined().contains("memory-hungry"))

        try await heal.recreate("memory-hungry")
        let again = await heal.run(["diagnose", "deployment/memory-hungry", "--fix", "--yes", "-o", "json", "--no-cache"], variables: llm.variables)
        #expect(again.exitCode == 0, "\(again.stdout)\(again.stderr)")
        #expect(llm.server.chats.count == 1)
        let replay = try #require(again.events("applying").first)
        #expect((replay["step"] as? [String: Any])?["source"] as? String == "learned")
        #expect(try heal.container(of: "memory-hungry").resources?.limits["memory"]?.text == "512Mi")
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(
            await heal.run(["learn", "stats", "-o", "json"], namespace: nil, verify: false).stdout.utf8)) as? [String: Any])
        #expect(stats["llmCalls"] as? Int == 1)
        #expect(stats["llmCallsAvoided"] as? Int == 1)
    }

    @Test(
        "an invalid plan is rejected and reported, and nothing is changed",
        arguments: [
            ("64Gi", nil, "above the --max-memory cap"),
            ("512Mi", "deployment/web-server", "not the incident's deployment/memory-hungry"),
        ] as [(String, String?, String)])
    func invalidPlan(memory: String, workload: String?, reason: String) async throws {
        let heal = try await javaIncident()
        let llm = try ScriptedLLM(answer: ScriptedLLM.plan(Self.raiseMemory(to: memory), workload: workload))
        let run = await heal.run(["diagnose", "deployment/memory-hungry", "--fix", "--yes", "-o", "json"], variables: llm.variables)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.events("applying").isEmpty)
        let leftAlone = try #require(run.events("left-alone").first)
        #expect(message(leftAlone).contains("the LLM's plan was rejected"))
        #expect(message(leftAlone).contains(reason))
        #expect(message(leftAlone).hasSuffix("(1 LLM request)"))
        #expect(try heal.container(of: "memory-hungry").resources?.limits["memory"]?.text == "128Mi")
        #expect(try await heal.openStore().attempts(patternID: nil).isEmpty)
    }

    @Test("an unknown action in the plan is rejected")
    func unknownAction() async throws {
        let heal = try await javaIncident()
        let llm = try ScriptedLLM(answer: ScriptedLLM.plan { _ in [["action": "exec", "parameters": ["command": "kill -9 1"], "reason": "restart the JVM"]] })
        let run = await heal.run(["diagnose", "deployment/memory-hungry", "--fix", "--yes", "-o", "json"], variables: llm.variables)
        #expect(run.events("applying").isEmpty)
        #expect(run.events("left-alone").contains { message($0).contains("\"exec\" is not an allowed action") })
    }

    @Test("with the LLM down the incident is left alone with one warning, exit 0; --require-llm exits 69")
    func llmDown() async throws {
        let heal = try await javaIncident()
        let llm = try ScriptedLLM()
        llm.server.stop()
        let run = await heal.run(["diagnose", "--fix", "--yes", "-o", "json"], variables: llm.variables)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: the LLM gave no usable plan") }.count == 1)
        #expect(run.events("left-alone").contains { message($0).contains("the LLM gave no plan") })
        // The rule-covered incidents were healed as usual.
        #expect(try heal.container(of: "web-server").image == "nginx:latest")
        let required = await heal.run(["diagnose", "deployment/memory-hungry", "--fix", "--yes", "--require-llm"], variables: llm.variables)
        #expect(required.exitCode == 69)
    }
}
