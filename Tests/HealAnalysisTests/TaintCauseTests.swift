@testable import HealAnalysis
import HealModel
import Testing

/// A taint the scheduler names, matched to the nodes that carry it: a taint someone set to
/// reserve nodes gets the toleration and the untaint command; the system's taints get neither.
@Suite("Untolerated taints: which nodes, and what to do")
struct TaintCauseTests {
    @Test("a dedicated taint on every worker: the nodes, the toleration to add and the taint to take off")
    func dedicatedTaint() throws {
        let finding = try #require(try Scenario.findings("pod-scheduling", in: "unschedulable-dedicated-taint").first)
        #expect(finding.rootCause.contains("2 nodes (node-2 and node-3) carry taint dedicated=batch:NoSchedule, which the pod does not tolerate"))
        #expect(finding.rootCause.contains("1 node (node-1) carries the system taint node-role.kubernetes.io/control-plane:NoSchedule"))
        let fix = try #require(finding.remediation?.summary)
        #expect(fix.contains("add the toleration {key: dedicated, operator: Equal, value: batch, effect: NoSchedule}"))
        #expect(fix.contains("kubectl taint node node-2 dedicated=batch:NoSchedule-"))
        #expect(!fix.contains("control-plane"), "the system's taint is not one to tolerate")
        #expect(finding.evidence.contains { $0.text == "spec.taints: dedicated=batch:NoSchedule" && $0.object?.name == "node-3" })
    }

    @Test("a taint without a value is tolerated with Exists; one no node carries (the nodes were not read) keeps the scheduler's words")
    func parsing() throws {
        let nodes = try Scenario("unschedulable-dedicated-taint").snapshot.nodes
        var edited = nodes
        edited[1].spec?.taints = [Node.Taint(key: "gpu", value: nil, effect: "NoExecute")]
        let cause = try #require(TaintCause(scheduler: "{gpu: }", nodes: edited))
        #expect(cause.nodes == ["node-2"] && cause.text == "gpu:NoExecute")
        #expect(cause.fix?.contains("{key: gpu, operator: Exists, effect: NoExecute}") == true)
        #expect(TaintCause(scheduler: "{dedicated: batch}", nodes: []) == nil)
        #expect(TaintCause(scheduler: "{node.kubernetes.io/not-ready: }", nodes: nodes) == nil, "no node carries it in this scenario")
    }
}
