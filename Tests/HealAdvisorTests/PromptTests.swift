import Foundation
import HealAnalysis
import HealModel
import Testing

@testable import HealAdvisor

@Suite("Prompts carry the finding and the bounds, never values; answers are decoded strictly")
struct PromptTests {
    private static let finding = Finding(
        code: "jvm-out-of-memory", severity: .critical, analyzer: "pod-crash-loop",
        resource: ResourceRef(kind: "Pod", namespace: "shop", name: "api-7d4b9c8f5-x2x9z"),
        owner: ResourceRef(kind: "Deployment", namespace: "shop", name: "api"), container: "api",
        symptom: "CrashLoopBackOff, 12 restarts; last exit: Error (1)",
        rootCause: "The JVM runs out of heap and has restarted 12 times.",
        evidence: [Evidence(.event, "Back-off restarting failed container api", count: 12)],
        remediation: Remediation(action: .manual, summary: "Raise the heap and the limit together.", safeToAutoApply: false),
        confidence: 0.9)

    @Test("a plan prompt lists the allowed actions, the template and the bounds, and the names of supplied variables but not their values")
    func planPrompt() throws {
        var settings = HealPlannerSettings()
        settings.env = ["JAVA_OPTS": .literal("-Xmx300m -Dtoken=s3cr3t"), "DB_PASSWORD": .secretKey(name: "db", key: "password")]
        settings.maxMemoryBytes = 2 * 1_073_741_824
        let container = try JSONDecoder().decode(Container.self, from: Data("""
            {"name": "api", "image": "registry.acme.io/shop/api:2.4", "env": [{"name": "API_TOKEN", "value": "tok-123456"}],
             "resources": {"limits": {"memory": "256Mi"}, "requests": {"memory": "128Mi"}}}
            """.utf8))
        let incident = HealIncident(
            finding: Self.finding, fingerprint: IncidentFingerprint.of(Self.finding, pod: nil, logs: nil),
            templateContainers: [container], earlierRevisions: [3, 4])
        let text = PlanPrompt.messages(for: incident, settings: settings).map(\.content).joined(separator: "\n")
        for action in ["raise-memory-limit", "set-image", "set-env", "rollback", "restart-pod"] { #expect(text.contains("- \(action): ")) }
        #expect(text.contains("Workload to fix: deployment/api in namespace shop"))
        #expect(text.contains("- api: image registry.acme.io/shop/api:2.4, memory limit 256Mi, memory request 128Mi"))
        #expect(text.contains("Earlier revisions (for rollback): 3, 4"))
        #expect(text.contains("Pods showing the incident (for restart-pod): api-7d4b9c8f5-x2x9z"))
        #expect(text.contains("Environment variables the user supplied values for (for set-env): DB_PASSWORD, JAVA_OPTS"))
        #expect(text.contains("Highest memory limit allowed: 2Gi"))
        for value in ["-Xmx300m", "s3cr3t", "tok-123456", "API_TOKEN"] { #expect(!text.contains(value)) }
    }

    @Test("restart and event counts are left out of the prompt, so the cache key holds while a crash loop goes on")
    func steadyBrief() {
        let text = FindingBrief.text(Self.finding)
        #expect(text.contains("Symptom: CrashLoopBackOff, repeated restarts; last exit: Error (1)"))
        #expect(text.contains("has restarted repeatedly"))
        #expect(text.contains("- [event, repeated] Back-off restarting failed container api"))
        #expect(!text.contains("12"))
    }

    @Test("answers: a bare object, one in a code fence or after a sentence are read; prose, missing keys and wrong types are refused")
    func answers() throws {
        #expect(try ExplanationAnswer.parse(#"{"explanation": "Heap too small.", "steps": ["Raise it."]}"#).steps == ["Raise it."])
        #expect(try ExplanationAnswer.parse("Sure!\n```json\n{\"explanation\": \"x\", \"steps\": []}\n```").explanation == "x")
        #expect(throws: AnswerProblem("the answer holds no JSON object")) { try ExplanationAnswer.parse("The pod is sad.") }
        #expect(try ExplanationAnswer.parse(#"{"explanation": "\u001b[31mred\u001b[0m text", "steps": []}"#).explanation == "red text")
        #expect(throws: AnswerProblem("the answer's explanation is empty")) { try ExplanationAnswer.parse(#"{"explanation": " ", "steps": []}"#) }
        #expect(throws: AnswerProblem("the answer's JSON does not fit: at the top level: `steps` is missing")) {
            try ExplanationAnswer.parse(#"{"explanation": "x"}"#)
        }
        let plan = try PlanAnswer.parse(#"{"workload": "deployment/api", "steps": [{"action": "rollback", "parameters": {"revision": 3}}]}"#)
        #expect(plan == PlanProposal(workload: "deployment/api", namespace: nil, steps: [ProposedStep(action: "rollback", parameters: ["revision": .int(3)], reason: "")]))
        #expect(throws: AnswerProblem("the answer's JSON does not fit: at `steps`: expected an array")) {
            try PlanAnswer.parse(#"{"workload": "deployment/api", "steps": "rollback"}"#)
        }
    }
}
