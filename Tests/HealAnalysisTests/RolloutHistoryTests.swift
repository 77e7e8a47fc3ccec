import Foundation
import HealModel
import Testing

@testable import HealAnalysis

@Suite("RolloutHistory names what the newest rollout changed")
struct RolloutHistoryTests {
    let scenario: Scenario
    let context: AnalysisContext

    init() throws {
        scenario = try Scenario("agentic-demo-rollout")
        context = AnalysisContext(snapshot: scenario.snapshot, now: scenario.now)
    }

    private func change(forPod name: String) throws -> RolloutChange? {
        let pod = try #require(context.snapshot.pods.first { $0.metadata.name == name })
        return RolloutHistory.change(introducing: pod, workload: context.index.workload(of: pod), context: context)
    }

    @Test("the crash-looping mysql-client revision removed MYSQL_HOST and MYSQL_ROOT_PASSWORD")
    func removedVariables() throws {
        let change = try #require(try change(forPod: "mysql-client-7c5999d768-76w5w"))
        #expect(change.workload == ResourceRef(kind: "Deployment", namespace: "agentic-demo", name: "mysql-client"))
        #expect(change.newRevision == 3)
        #expect(change.previousRevision == 2)
        #expect(change.removedVariables == ["mysql-client": ["MYSQL_HOST", "MYSQL_ROOT_PASSWORD"]])
        #expect(change.changes.count == 1)
        let described = try #require(change.changes.first)
        #expect(described.hasPrefix("container mysql-client: env "))
        #expect(described.contains("MYSQL_HOST") && described.contains("MYSQL_ROOT_PASSWORD") && described.hasSuffix("removed"))
    }

    @Test("the pod of the serving revision, and workloads with a single revision, have no culprit rollout")
    func noCulprit() throws {
        #expect(try change(forPod: "mysql-client-7577645b4d-n4r5g") == nil)
        #expect(try change(forPod: "memory-hungry-6478d69d96-mg7j2") == nil)
        #expect(try change(forPod: "web-server-59c44b768d-tm998") == nil)
    }

    @Test("the crash-loop finding blames the rollout without revealing the removed values")
    func crashLoopFinding() throws {
        let findings = CrashLoopAnalyzer().analyze(context)
        let finding = try #require(findings.first { $0.resource.name == "mysql-client-7c5999d768-76w5w" })
        #expect(finding.code == "missing-env-vars")
        #expect(finding.rootCause.contains("revision 3"))
        let rollout = finding.evidence.filter { $0.source == .rollout }
        #expect(rollout.count == 1)
        #expect(rollout.first?.text.hasPrefix("revision 2 → 3: ") == true)
        #expect(rollout.first?.object == ResourceRef(kind: "Deployment", namespace: "agentic-demo", name: "mysql-client"))
        let report = String(decoding: try JSONEncoder().encode(findings), as: UTF8.self)
        #expect(!report.contains("s3cret"))
    }

    @Test("in the captured state before the rollout there is no previous revision to blame")
    func singleRevision() throws {
        let before = try Scenario("agentic-demo")
        let context = AnalysisContext(snapshot: before.snapshot, now: before.now)
        let pod = try #require(before.snapshot.pods.first { $0.metadata.name.hasPrefix("mysql-client-") })
        #expect(RolloutHistory.change(introducing: pod, workload: context.index.workload(of: pod), context: context) == nil)
    }
}
