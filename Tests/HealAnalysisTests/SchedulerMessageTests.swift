@testable import HealAnalysis
import HealModel
import Testing

@Suite("SchedulerMessage reads why a pod fits no node")
struct SchedulerMessageTests {
    typealias Reason = SchedulerMessage.Reason

    /// The scheduler's FailedScheduling message recorded in a scenario.
    private func recordedMessage(in scenario: String) throws -> String {
        let events = try Scenario(scenario).snapshot.events
        return try #require(events.first { $0.reason == "FailedScheduling" }).message
    }

    @Test("insufficient CPU on the only node")
    func insufficientCPU() throws {
        let message = try #require(SchedulerMessage(try recordedMessage(in: "unschedulable-cpu")))
        #expect(message.availableNodes == 0)
        #expect(message.totalNodes == 1)
        #expect(message.reasons == [Reason(nodes: 1, text: "Insufficient cpu", cause: .insufficient("cpu"))])
    }

    @Test("an untolerated taint on one node and a node selector excluding the others")
    func taintAndSelector() throws {
        let message = try #require(SchedulerMessage(try recordedMessage(in: "unschedulable-taint-selector")))
        #expect(message.availableNodes == 0)
        #expect(message.totalNodes == 3)
        #expect(message.reasons == [
            Reason(
                nodes: 1, text: "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }",
                cause: .untoleratedTaint("{node-role.kubernetes.io/control-plane: }")),
            Reason(nodes: 2, text: "node(s) didn't match Pod's node affinity/selector", cause: .nodeSelectorMismatch),
        ])
    }

    @Test("an unbound immediate PersistentVolumeClaim, with no node count")
    func unboundClaim() throws {
        let message = try #require(SchedulerMessage(try recordedMessage(in: "pvc-pending")))
        #expect(message.totalNodes == 1)
        #expect(message.reasons == [Reason(nodes: nil, text: "pod has unbound immediate PersistentVolumeClaims", cause: .unboundClaims)])
    }

    @Test("the preemption tail never adds reasons")
    func preemptionIgnored() throws {
        for scenario in ["unschedulable-cpu", "unschedulable-taint-selector", "pvc-pending"] {
            let text = try recordedMessage(in: scenario)
            #expect(text.contains("preemption:"))
            let message = try #require(SchedulerMessage(text))
            #expect(message.reasons.allSatisfy { !$0.text.localizedCaseInsensitiveContains("preemption") }, "\(scenario)")
        }
    }

    @Test(
        "each kind of reason the scheduler gives is classified, with its node count",
        arguments: [
            ("0/5 nodes are available: 2 Insufficient memory, 3 node(s) were unschedulable.", [
                Reason(nodes: 2, text: "Insufficient memory", cause: .insufficient("memory")),
                Reason(nodes: 3, text: "node(s) were unschedulable", cause: .nodesUnschedulable),
            ]),
            ("0/4 nodes are available: 4 Insufficient nvidia.com/gpu.", [
                Reason(nodes: 4, text: "Insufficient nvidia.com/gpu", cause: .insufficient("nvidia.com/gpu"))
            ]),
            ("0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules.", [
                Reason(nodes: 2, text: "node(s) didn't match pod anti-affinity rules", cause: .podAntiAffinity)
            ]),
            ("0/2 nodes are available: 2 node(s) didn't match pod affinity rules.", [
                Reason(nodes: 2, text: "node(s) didn't match pod affinity rules", cause: .podAffinity)
            ]),
            ("0/1 nodes are available: 1 node(s) had volume node affinity conflict.", [
                Reason(nodes: 1, text: "node(s) had volume node affinity conflict", cause: .volumeNodeAffinityConflict)
            ]),
            ("0/1 nodes are available: 1 Too many pods.", [Reason(nodes: 1, text: "Too many pods", cause: .tooManyPods)]),
            ("0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.", [
                Reason(nodes: 1, text: "node(s) didn't have free ports for the requested pod ports", cause: .portsInUse)
            ]),
            ("0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 node(s) had untolerated taint {node.kubernetes.io/not-ready: }.", [
                Reason(nodes: 1, text: "node(s) had untolerated taint {dedicated: gpu}", cause: .untoleratedTaint("{dedicated: gpu}")),
                Reason(
                    nodes: 2, text: "node(s) had untolerated taint {node.kubernetes.io/not-ready: }",
                    cause: .untoleratedTaint("{node.kubernetes.io/not-ready: }")),
            ]),
            ("0/1 nodes are available: 1 node(s) had something new.", [Reason(nodes: 1, text: "node(s) had something new", cause: .other)]),
        ])
    func classifies(text: String, reasons: [Reason]) throws {
        let message = try #require(SchedulerMessage(text))
        #expect(message.reasons == reasons)
    }

    @Test("messages that are not a scheduler's verdict are not parsed")
    func notSchedulerMessages() {
        #expect(SchedulerMessage("Successfully assigned demo/web-1 to node-1") == nil)
        #expect(SchedulerMessage("") == nil)
    }
}
