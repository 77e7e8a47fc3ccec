import Foundation
import HealKube
import HealModel
import HealTestSupport
import Testing
@testable import HealAnalysis

/// Timelines built from captured and generated snapshots: the order of what happened, the
/// first failure, and the change ranked as its trigger — or the statement that none precedes it.
@Suite("Timeline: what happened, in order, and what probably set it off")
struct TimelineBuilderTests {
    private func timeline(_ snapshot: ClusterSnapshot, _ target: ResourceRef?, namespace: String = "demo", window: Double = 3 * 86_400) -> Timeline {
        let now = snapshot.referenceTime ?? Timestamp(secondsSince1970: 0)
        return TimelineBuilder.build(snapshot, target: target, namespace: namespace, since: now.adding(seconds: -window), now: now)
    }

    private let mysqlClient = ResourceRef(kind: "Deployment", namespace: "agentic-demo", name: "mysql-client")

    @Test("a bad rollout: the new revision with what it changed, then the first crash with its exit code, then the back-off; the revision ranks first")
    func badRollout() throws {
        let built = timeline(try Scenario("agentic-demo-rollout").snapshot, mysqlClient, namespace: "agentic-demo")
        let revision = try #require(built.entries.firstIndex { $0.kind == .rollout && $0.title == "revision 3 of deployment/mysql-client" })
        #expect(built.entries[revision].sentence.contains("env MYSQL_HOST and MYSQL_ROOT_PASSWORD removed against revision 2"))
        let failure = try #require(built.firstFailure)
        #expect(built.entries[failure].kind == .termination)
        #expect(built.entries[failure].title == "container mysql-client crashed with exit code 1 (Error)")
        let backOff = try #require(built.entries.firstIndex { $0.title.hasPrefix("BackOff on pod/mysql-client-7c5999d768-76w5w") })
        #expect(revision < failure && failure < backOff)
        // Waiting in back-off after restart 2: three crashes (restarted at once, then after 10 s).
        #expect(built.entries.contains { $0.kind == .crashLoop && $0.sentence.contains("crashed 3 times between 19:39:25 and 19:39:36, every ~5s (back-off)") })
        #expect(built.triggers.first?.entry == revision && built.triggers.first?.rank == 1)
        #expect(built.verdict.hasPrefix("Probable trigger: deployment/mysql-client: revision 3"))
        #expect(built.entries.map(\.time) == built.entries.map(\.time).sorted(), "in time order")
    }

    @Test("a command change is said without its words: arguments carry passwords and tokens")
    func commandChange() throws {
        var snapshot = try Scenario("agentic-demo-rollout").snapshot
        for index in snapshot.replicaSets.indices where snapshot.replicaSets[index].metadata.name == "mysql-client-7c5999d768" {
            snapshot.replicaSets[index].spec.template?.spec.containers[0].command = ["/bin/sh", "-c", "exec mysql --batch"]
        }
        let built = timeline(snapshot, mysqlClient, namespace: "agentic-demo")
        let revision = try #require(built.entries.first { $0.title == "revision 3 of deployment/mysql-client" })
        #expect(revision.sentence.contains("container mysql-client: command changed (2 items → 3 items)"), "\(revision.sentence)")
        #expect(!revision.sentence.contains("mysql --batch") && !revision.evidence.joined().contains("mysql --batch"))
    }

    @Test("an OOM kill with nothing changed before it: no trigger, and that is said")
    func noCause() throws {
        let built = timeline(try Scenario("oom-restarted").snapshot, ResourceRef(kind: "Deployment", namespace: "demo", name: "cache"))
        #expect(built.triggers.isEmpty)
        let failure = try #require(built.firstFailure.map { built.entries[$0] })
        #expect(failure.title == "container cache crashed with exit code 137 (OOMKilled)")
        // Running after restart 2, which started at 20:10:00; the kubelet restarts after a first
        // crash at once, so that was the first crash: the pod had run since 19:00.
        #expect(built.verdict.hasPrefix("No change in the window precedes the first failure — container cache crashed with exit code 137 (OOMKilled) — at 20:10:00"), "\(built.verdict)")
        #expect(built.verdict.contains("the workload had run unchanged for 1h10m since revision 1 of deployment/cache, so look outside"), "\(built.verdict)")
        // Failing from the start is the revision's own doing, not the outside world's.
        let fromStart = timeline(try Scenario("crashloop-missing-file").snapshot, nil)
        #expect(fromStart.triggers.isEmpty)
        #expect(fromStart.verdict.contains("so the workload has failed from its start: its own image or configuration is the likely cause"), "\(fromStart.verdict)")
    }

    @Test("a node going NotReady under the workload's pods is the outside cause, ranked as the trigger")
    func outsideCause() throws {
        var snapshot = try Scenario("node-not-ready").snapshot
        let pod = snapshot.pods[0]
        snapshot.pods[0].spec.nodeName = "node-2"
        let marked = try #require(snapshot.nodes.first { $0.metadata.name == "node-2" }?.status?.conditions.first?.lastTransitionTime)
        // The node lifecycle controller's Warning on each pod of the node (MarkPodsNotReady).
        let event = try JSONDecoder().decode(Event.self, from: Data(#"""
            {"metadata":{"name":"\#(pod.metadata.name).1","namespace":"demo"},
             "involvedObject":{"kind":"Pod","namespace":"demo","name":"\#(pod.metadata.name)","apiVersion":"v1"},
             "reason":"NodeNotReady","message":"Node is not ready","type":"Warning","count":1,
             "firstTimestamp":"\#(marked.adding(seconds: 1))","lastTimestamp":"\#(marked.adding(seconds: 1))",
             "source":{"component":"node-controller"}}
            """#.utf8))
        snapshot.events.append(event)
        let built = timeline(snapshot, ResourceRef(kind: "Deployment", namespace: "demo", name: "frontend"))
        let trigger = try #require(built.triggers.first.map { built.entries[$0.entry] })
        #expect(trigger.kind == .node && trigger.sentence.hasPrefix("node node-2 stopped reporting (Ready=Unknown): NodeStatusUnknown"), "\(trigger.sentence)")
        #expect(built.firstFailure.map { built.entries[$0].title } == "NodeNotReady on pod/\(pod.metadata.name)")
    }

    @Test("the window: entries before it are left out, and the Events' coverage is said")
    func window() throws {
        let snapshot = try Scenario("agentic-demo-rollout").snapshot
        let short = timeline(snapshot, mysqlClient, namespace: "agentic-demo", window: 60)
        #expect(short.entries.isEmpty || short.entries.allSatisfy { ($0.until ?? $0.time) >= short.since })
        let long = timeline(snapshot, mysqlClient, namespace: "agentic-demo")
        let events = try #require(long.coverage.first { $0.source == "events" })
        #expect(events.note.contains("the oldest here is from 2026-11-21T19:36:12Z, so the window's earlier part has none"))
    }

    @Test("a cluster-info dump of the same moment gives the same entries in the same order")
    func clusterInfoDump() throws {
        let dump = try SnapshotLoader().load(Fixtures.root.appending(path: "k8s-v1.36/cluster-info-dump").path).snapshot
        let fromDump = timeline(dump, mysqlClient, namespace: "agentic-demo").entries.map { "\($0.time) \($0.kind) \($0.title)" }
        let fromLists = timeline(try Scenario("agentic-demo-rollout").snapshot, mysqlClient, namespace: "agentic-demo").entries.map { "\($0.time) \($0.kind) \($0.title)" }
        #expect(!fromDump.isEmpty)
        #expect(fromDump == fromLists)
    }

    @Test("a diagnosis gives a finding the change that set its workload off, and none to findings no change precedes")
    func findingTrigger() throws {
        let findings = try Scenario("agentic-demo-rollout").diagnose().findings
        let envs = try #require(findings.first { $0.code == "missing-env-vars" })
        #expect(envs.trigger?.hasPrefix("deployment/mysql-client: revision 3 (ReplicaSet mysql-client-7c5999d768) changed container mysql-client: env MYSQL_HOST and MYSQL_ROOT_PASSWORD removed") == true, "\(envs.trigger ?? "nil")")
        #expect(findings.filter { $0.code != "missing-env-vars" }.allSatisfy { $0.trigger == nil })
    }

    @Test("in a namespace timeline a failure is blamed only on changes of its own workload or shared ones, never another workload's rollout")
    func perWorkload() throws {
        let built = timeline(try Scenario("pod-start-problems").snapshot, nil)
        let failure = try #require(built.firstFailure.map { built.entries[$0] })
        for trigger in built.triggers {
            let change = built.entries[trigger.entry]
            #expect(change.workload == nil || change.workload == failure.workload, "\(change.title) for \(failure.title)")
        }
        #expect(!built.verdict.contains("deployment/toolbox") || failure.workload?.name == "toolbox", "\(built.verdict)")
    }

    @Test("a Service's timeline follows the workloads behind its pods, their revisions included")
    func service() throws {
        let built = timeline(try Scenario("readiness-probe-failing").snapshot, ResourceRef(kind: "Service", namespace: "demo", name: "api-gateway"))
        #expect(built.entries.contains { $0.title == "revision 1 of deployment/api-gateway" }, "\(built.entries.map(\.title))")
        #expect(built.entries.contains { $0.title.hasPrefix("Unhealthy on pod/api-gateway-") })
    }

    @Test("an HPA's status outlives its Events: the bound it is held at, and its last rescale once the SuccessfulRescale Event is gone")
    func autoscaler() throws {
        var snapshot = try Scenario("hpa-at-max").snapshot
        let frontend = ResourceRef(kind: "Deployment", namespace: "demo", name: "frontend")
        let limited = try #require(timeline(snapshot, frontend).entries.first { $0.title == "HPA frontend limited" })
        #expect(limited.kind == .scaling && limited.time.description == "2026-11-21T20:30:00Z" && !limited.isFailure)
        #expect(limited.sentence == "HPA frontend is held at a bound: TooManyReplicas — the desired replica count is more than the maximum replica count (current 5, desired 5, min 2, max 5).", "\(limited.sentence)")
        #expect(!timeline(snapshot, frontend).entries.contains { $0.title == "HPA frontend rescaled deployment/frontend" }, "the Event already says it")
        snapshot.events.removeAll { $0.reason == "SuccessfulRescale" }
        let rescale = try #require(timeline(snapshot, frontend).entries.first { $0.title == "HPA frontend rescaled deployment/frontend" })
        #expect(rescale.isChange && rescale.time.description == "2026-11-21T20:30:00Z" && rescale.workload == frontend)
        #expect(rescale.evidence.contains("status.lastScaleTime: 2026-11-21T20:30:00Z"))
    }

    @Test("an HPA that cannot compute a scale is a failure once past the analyzer's grace, not in the first minutes of a rollout")
    func autoscalerGrace() throws {
        var snapshot = try Scenario("hpa-metrics-unavailable").snapshot
        let api = ResourceRef(kind: "Deployment", namespace: "demo", name: "api")
        let stuck = try #require(timeline(snapshot, api).entries.first { $0.title == "HPA api cannot compute a scale" })
        #expect(stuck.isFailure, "since 20:00:20, long before the snapshot")
        let now = try #require(snapshot.referenceTime)
        for index in snapshot.horizontalPodAutoscalers[0].status!.conditions.indices where snapshot.horizontalPodAutoscalers[0].status!.conditions[index].type == "ScalingActive" {
            snapshot.horizontalPodAutoscalers[0].status!.conditions[index].lastTransitionTime = now.adding(seconds: -30)
        }
        let fresh = try #require(timeline(snapshot, api).entries.first { $0.title == "HPA api cannot compute a scale" })
        #expect(!fresh.isFailure, "30 s old: metrics are often missing that early")
    }

    @Test("kubectl-heal's own change, recorded in its store, is an entry of its workload's timeline and ranks as a trigger when it stayed live")
    func recordedHealAction() throws {
        let snapshot = try Scenario("oom-restarted").snapshot
        let cache = ResourceRef(kind: "Deployment", namespace: "demo", name: "cache")
        let failure = try #require(timeline(snapshot, cache).firstFailure.map { timeline(snapshot, cache).entries[$0].time })
        func fix(_ workload: ResourceRef, live: Bool) -> TimelineEntry {
            TimelineEntry(
                time: failure.adding(seconds: -120), until: failure.adding(seconds: -60), kind: .heal, object: workload, workload: workload,
                title: "kubectl-heal set-image on \(workload.typeAndName)", sentence: "kubectl-heal set-image on \(workload.typeAndName): succeeded.", isChange: live)
        }
        let other = ResourceRef(kind: "Deployment", namespace: "demo", name: "web")
        let now = try #require(snapshot.referenceTime)
        let built = TimelineBuilder.build(
            snapshot, target: cache, namespace: "demo", since: now.adding(seconds: -86_400), now: now,
            recorded: .init(entries: [fix(cache, live: true), fix(other, live: true)], coverage: [.init(source: "heal store", from: nil, note: "test")]))
        #expect(built.entries.filter { $0.kind == .heal }.map(\.object) == [cache], "another workload's fix is not in this timeline")
        let trigger = try #require(built.triggers.first.map { built.entries[$0.entry] })
        #expect(trigger.kind == .heal)
        #expect(built.verdict.hasPrefix("Probable trigger: kubectl-heal set-image on deployment/cache: succeeded at "), "\(built.verdict)")
        #expect(built.coverage.last?.source == "heal store")
        let undone = TimelineBuilder.build(snapshot, target: cache, namespace: "demo", since: now.adding(seconds: -86_400), now: now, recorded: .init(entries: [fix(cache, live: false)]))
        #expect(undone.entries.contains { $0.kind == .heal } && undone.triggers.isEmpty, "a fix rolled back set nothing off")
        // Without a target every workload of the namespace counts, one deleted since too.
        let namespace = TimelineBuilder.build(snapshot, target: nil, namespace: "demo", since: now.adding(seconds: -86_400), now: now, recorded: .init(entries: [fix(other, live: true)]))
        #expect(namespace.entries.contains { $0.kind == .heal && $0.object == other })
    }

    @Test("a watch's samples: each Service's ready endpoints and each HPA's replicas, an entry when they change, a failure when none is ready")
    func samples() throws {
        var snapshot = try Scenario("hpa-at-max").snapshot
        let now = try #require(snapshot.referenceTime)
        let first = TimelineBuilder.Moment(snapshot, target: ResourceRef(kind: "Deployment", namespace: "demo", name: "frontend"), namespace: "demo", now: now).sample
        let start = first.entries(since: nil, at: now)
        #expect(start.map(\.sentence).contains("service/frontend when the watch started: 5 ready, 0 not ready."), "\(start.map(\.sentence))")
        #expect(start.allSatisfy { !$0.isFailure && !$0.isChange })
        #expect(first.entries(since: first, at: now).isEmpty, "nothing changed, nothing said")
        for slice in snapshot.endpointSlices.indices {
            for endpoint in snapshot.endpointSlices[slice].endpoints.indices { snapshot.endpointSlices[slice].endpoints[endpoint].conditions?.ready = false }
        }
        snapshot.horizontalPodAutoscalers[0].status?.desiredReplicas = 4
        let later = now.adding(seconds: 30)
        let changes = TimelineBuilder.Moment(snapshot, target: ResourceRef(kind: "Deployment", namespace: "demo", name: "frontend"), namespace: "demo", now: later).sample
            .entries(since: first, at: later)
        let lost = try #require(changes.first { $0.kind == .endpoints })
        #expect(lost.isFailure && lost.title == "service/frontend has no ready endpoint" && lost.time == later)
        #expect(lost.sentence == "service/frontend: 0 ready, 5 not ready (was 5 ready, 0 not ready); every request to it fails.", "\(lost.sentence)")
        #expect(lost.workload == ResourceRef(kind: "Deployment", namespace: "demo", name: "frontend"), "lined up with the workload behind it")
        // Through the builder, as a watch passes them: the endpoints' failure is the workload's.
        let built = TimelineBuilder.build(
            snapshot, target: ResourceRef(kind: "Deployment", namespace: "demo", name: "frontend"), namespace: "demo", since: now.adding(seconds: -86_400),
            now: later, recorded: .init(entries: changes))
        #expect(built.entries.contains { $0.title == "service/frontend has no ready endpoint" && $0.isFailure })
        // Scaled to no pod, the Service is still followed through the pod template's labels.
        var empty = snapshot
        empty.pods = []
        empty.endpointSlices = []
        let gone = TimelineBuilder.Moment(empty, target: ResourceRef(kind: "Deployment", namespace: "demo", name: "frontend"), namespace: "demo", now: later).sample
            .entries(since: first, at: later)
        #expect(gone.contains { $0.sentence.hasPrefix("service/frontend: 0 ready, 0 not ready (was 5 ready, 0 not ready)") }, "\(gone.map(\.sentence))")
        let scaled = try #require(changes.first { $0.kind == .scaling })
        #expect(scaled.isChange && scaled.sentence.hasPrefix("HPA frontend: current 5, desired 4, min 2, max 5 (was current 5, desired 5, min 2, max 5)"), "\(scaled.sentence)")
    }
}
