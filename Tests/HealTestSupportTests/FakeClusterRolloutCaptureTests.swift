import Foundation
import HealTestSupport
import Testing

/// Replays `../shared/fixtures/k8s-v1.24/rollout-of-crashlooping-deployment.watch.jsonl` against
/// the fake with realistic timing: a client that patches a crash-looping Deployment sees the
/// same states, in the same order, as one watching a real control plane.
@Suite("FakeCluster rolls out in real time, as the captured v1.24 control plane does")
struct FakeClusterRolloutCaptureTests {
    static let capture = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "shared/fixtures/k8s-v1.24", directoryHint: .isDirectory)
    static let namespace = "rollout-capture"
    static let deployment = "/apis/apps/v1/namespaces/rollout-capture/deployments/memory-hog"
    static let strategic = ["Content-Type": "application/strategic-merge-patch+json"]

    @Test("PATCH of a crash-looping Deployment: lagging observedGeneration, new ReplicaSet, pods Pending then Ready, old ones terminating, 409 for a stale write")
    func replaysCapture() async throws {
        let cluster = try FakeCluster()
        cluster.setNeeds(WorkloadNeeds(memory: "300Mi"), namespace: Self.namespace, deployment: "memory-hog")
        try cluster.create(json: #"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"memory-hog","namespace":"rollout-capture","labels":{"app":"memory-hog"}},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"memory-hog"}},
              "template":{"metadata":{"labels":{"app":"memory-hog"}},
               "spec":{"containers":[{"name":"cruncher","image":"python:3.12-slim",
                "resources":{"requests":{"cpu":"50m","memory":"64Mi"},"limits":{"memory":"128Mi"}}}]}}}}
            """#)
        #expect(await cluster.settle())
        let before = try JSON(data: #require(cluster.object(at: Self.deployment)))
        let staleVersion = try #require(before["metadata"]?["resourceVersion"]?.string)
        let oldPods = try cluster.objects(in: "/api/v1/namespaces/\(Self.namespace)/pods").map { try JSON(data: $0) }
        try #require(oldPods.count == 2)
        #expect(oldPods.allSatisfy { $0["status"]?["containerStatuses"]?[0]?["lastState"]?["terminated"]?["reason"] == .string("OOMKilled") })

        // The rollout is over after ~3 s (the old pods' 2 s grace); the watches end after 6.
        let watches = try ["/apis/apps/v1/namespaces/\(Self.namespace)/deployments",
                           "/apis/apps/v1/namespaces/\(Self.namespace)/replicasets",
                           "/api/v1/namespaces/\(Self.namespace)/pods"].map { path in
            let client = try HTTPTestClient(port: cluster.server.port, timeout: .seconds(10))
            try client.send("\(path)?watch=1&resourceVersion=\(staleVersion)&timeoutSeconds=6")
            #expect(try client.readHead().status == 200)
            return client
        }
        let patcher = try HTTPTestClient(port: cluster.server.port)
        let patched = try patcher.request(
            Self.deployment, method: "PATCH", headers: Self.strategic,
            body: Data(#"{"spec":{"template":{"spec":{"containers":[{"name":"cruncher","resources":{"limits":{"memory":"400Mi"}}}]}}}}"#.utf8))
        #expect(patched.status == 200)
        let answer = try patched.json()
        #expect(answer["metadata"]?["generation"] == .number(2))
        #expect(answer["status"]?["observedGeneration"] == .number(1))
        let patchVersion = try #require(answer["metadata"]?["resourceVersion"]?.string.flatMap { Int($0) })

        // A second write carrying the version read before the PATCH: the captured 409.
        let stale = try patcher.request(
            Self.deployment, method: "PATCH", headers: Self.strategic,
            body: Data(#"{"metadata":{"resourceVersion":"\#(staleVersion)"},"spec":{"replicas":3}}"#.utf8))
        #expect(stale.status == 409)
        let captured409 = Self.capture.appending(path: "409-conflict-strategic-merge-patch-with-stale-resourceversion.json")
        #expect(try stale.json() == JSON(data: Data(contentsOf: captured409)))

        #expect(await cluster.settle())
        let events = try Self.events(watches).filter { $0.version > patchVersion }

        // The new ReplicaSet appears before the Deployment's status catches up with generation 2.
        let deployments = events.filter { $0.kind == "Deployment" }
        let caughtUp = try #require(deployments.first { $0.object["status"]?["observedGeneration"] == .number(2) })
        let newReplicaSet = try #require(events.first {
            $0.kind == "ReplicaSet" && $0.type == "ADDED"
                && $0.object["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"] == .string("2")
        })
        #expect(newReplicaSet.version < caughtUp.version)
        #expect(deployments.filter { $0.version < caughtUp.version }.allSatisfy {
            $0.object["status"]?["observedGeneration"] == .number(1)
        })
        #expect(Set(deployments.map(\.version)).count >= 4, "status writes after the PATCH")

        // New pods: created Pending, scheduled, then Running and Ready.
        let newName = try #require(newReplicaSet.object["metadata"]?["name"]?.string)
        let newPods = events.filter { $0.kind == "Pod" && $0.owner == newName }
        let newNames = Set(newPods.map(\.name))
        #expect(newNames.count == 2)
        for name in newNames {
            let states = newPods.filter { $0.name == name }
            #expect(states.first?.type == "ADDED")
            #expect(states.first?.object["status"]?["phase"] == .string("Pending"))
            #expect(states.dropFirst().first?.object["status"]?["conditions"]?[0]?["type"] == .string("PodScheduled"))
            #expect(states.last?.object["status"]?["phase"] == .string("Running"))
            #expect(states.last?.object["status"]?["containerStatuses"]?[0]?["ready"] == .bool(true))
        }
        let firstReady = try #require(newPods.first { $0.object["status"]?["containerStatuses"]?[0]?["ready"] == .bool(true) })

        // Old pods: listed with a deletionTimestamp (after a new pod is Ready), then DELETED.
        for old in oldPods {
            let name = try #require(old["metadata"]?["name"]?.string)
            let states = events.filter { $0.kind == "Pod" && $0.name == name }
            let terminating = try #require(states.first { $0.object["metadata"]?["deletionTimestamp"] != nil })
            #expect(terminating.type == "MODIFIED")
            #expect(terminating.object["metadata"]?["deletionGracePeriodSeconds"] == .number(2))
            #expect(terminating.version > firstReady.version)
            #expect(states.last?.type == "DELETED")
            #expect(states.filter { $0.type == "DELETED" }.count == 1)
        }
        let final = try JSON(data: #require(cluster.object(at: Self.deployment)))
        #expect(final["status"]?["observedGeneration"] == .number(2))
        #expect(final["status"]?["availableReplicas"] == .number(2))
        #expect(final["status"]?["replicas"] == .number(2))
    }

    private struct Event {
        let type: String
        let object: JSON
        var kind: String { object["kind"]?.string ?? "" }
        var name: String { object["metadata"]?["name"]?.string ?? "" }
        var owner: String? { object["metadata"]?["ownerReferences"]?[0]?["name"]?.string }
        var version: Int { object["metadata"]?["resourceVersion"]?.string.flatMap { Int($0) } ?? 0 }
    }

    /// Every event of the watches until they end, in resourceVersion (write) order.
    private static func events(_ watches: [HTTPTestClient]) throws -> [Event] {
        var events: [Event] = []
        for watch in watches {
            while let chunk = try watch.readChunk() {
                let event = try JSON(data: chunk)
                events.append(Event(type: event["type"]?.string ?? "", object: event["object"] ?? .null))
            }
        }
        return events.sorted { $0.version < $1.version }
    }
}
