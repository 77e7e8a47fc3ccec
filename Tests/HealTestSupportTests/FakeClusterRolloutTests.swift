import Foundation
import HealTestSupport
import Testing

@Suite("FakeCluster rolls out, rolls back and replaces pods like the real controllers")
struct FakeClusterRolloutTests {
    static let apps = "/apis/apps/v1/namespaces/mcp-failover-clean"
    static let pods = "/api/v1/namespaces/mcp-failover-clean/pods"
    static let slices = "/apis/discovery.k8s.io/v1/namespaces/mcp-failover-clean/endpointslices"
    static let revision = "deployment.kubernetes.io/revision"

    @Test("patching the template back (rollout undo) reuses the old ReplicaSet with the next revision")
    func rollback() throws {
        let cluster = try FakeCluster.blueGreen(timing: .instant) // decisions, not timing
        let annotate = #"{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"now"}}}}}"#
        try cluster.mergePatch(at: "\(Self.apps)/deployments/web-blue", json: annotate)
        let second = try #require(try replicaSets(cluster).first { $0["metadata"]?["annotations"]?[Self.revision] == .string("2") })

        try cluster.mergePatch(
            at: "\(Self.apps)/deployments/web-blue",
            json: #"{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":null}}}}}"#)

        let blue = try replicaSets(cluster)
        #expect(blue.count == 2, "no third ReplicaSet")
        let reused = try #require(blue.first { $0["metadata"]?["name"] == .string("web-blue-5959b56b7c") })
        #expect(reused["metadata"]?["annotations"]?[Self.revision] == .string("3"))
        #expect(reused["metadata"]?["annotations"]?["deployment.kubernetes.io/revision-history"] == .string("1"))
        #expect(reused["spec"]?["replicas"] == .number(2))
        let scaledDown = try #require(blue.first { $0["metadata"]?["name"] == second["metadata"]?["name"] })
        #expect(scaledDown["spec"]?["replicas"] == .number(0))
        #expect(scaledDown["metadata"]?["annotations"]?[Self.revision] == .string("2"))

        let deployment = try JSON(data: #require(cluster.object(at: "\(Self.apps)/deployments/web-blue")))
        #expect(deployment["metadata"]?["annotations"]?[Self.revision] == .string("3"))
        #expect(deployment["status"]?["readyReplicas"] == .number(2))
        let pods = try cluster.objects(in: Self.pods).map { try JSON(data: $0) }
        #expect(pods.count == 2)
        #expect(pods.allSatisfy { $0["metadata"]?["ownerReferences"]?[0]?["name"] == .string("web-blue-5959b56b7c") })
    }

    @Test("a rollout whose new pods never become available stalls with the old pods serving")
    func stalledRollout() throws {
        let cluster = try FakeCluster.blueGreen(timing: .instant) // decisions, not timing
        try cluster.strategicMergePatch(
            at: "\(Self.apps)/deployments/web-blue",
            json: #"{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.277"}]}}}}"#)

        let blue = try replicaSets(cluster)
        let old = try #require(blue.first { $0["metadata"]?["name"] == .string("web-blue-5959b56b7c") })
        let new = try #require(blue.first { $0["metadata"]?["name"] != .string("web-blue-5959b56b7c") })
        // maxSurge 25% of 2 rounds up to 1, maxUnavailable rounds down to 0.
        #expect(old["spec"]?["replicas"] == .number(2))
        #expect(new["spec"]?["replicas"] == .number(1))
        let deployment = try JSON(data: #require(cluster.object(at: "\(Self.apps)/deployments/web-blue")))
        #expect(deployment["status"]?["replicas"] == .number(3))
        #expect(deployment["status"]?["updatedReplicas"] == .number(1))
        #expect(deployment["status"]?["availableReplicas"] == .number(2))
        #expect(deployment["status"]?["unavailableReplicas"] == .number(1))
    }

    @Test("DELETE of a pod is graceful: listed with a deletionTimestamp, not ready, replaced at once, gone after the grace")
    func gracefulDeletion() async throws {
        let cluster = try FakeCluster.blueGreen()
        try cluster.mergePatch(at: "\(Self.apps)/deployments/web-green", json: #"{"spec":{"replicas":1}}"#)
        #expect(await cluster.settle())
        let original = try #require(try greenPods(cluster).first)
        let name = try #require(original["metadata"]?["name"]?.string)

        let client = try HTTPTestClient(port: cluster.server.port)
        let deleted = try client.request("\(Self.pods)/\(name)", method: "DELETE")
        #expect(deleted.status == 200)
        let answer = try deleted.json()
        #expect(answer["metadata"]?["deletionTimestamp"]?.string != nil)
        #expect(answer["metadata"]?["deletionGracePeriodSeconds"] == .number(2))
        #expect(try client.request("\(Self.pods)/\(name)", method: "DELETE").status == 200, "deleting again changes nothing")

        // Within the 2 s grace: the endpointslice controller, the last phase of a round, has seen it.
        let endpoint = { () throws -> JSON? in
            try cluster.objects(in: Self.slices).map { try JSON(data: $0) }
                .flatMap { $0["endpoints"]?.array ?? [] }.first { $0["targetRef"]?["name"]?.string == name }
        }
        let deadline = ContinuousClock.now + .seconds(1.5)
        while try endpoint()?["conditions"]?["terminating"] != .bool(true), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try endpoint()?["conditions"] == .object(["ready": .bool(false), "serving": .bool(true), "terminating": .bool(true)]))
        let both = try greenPods(cluster)
        #expect(both.count == 2, "the replacement is created while the original terminates")
        let terminating = try #require(both.first { $0["metadata"]?["name"]?.string == name })
        #expect(terminating["metadata"]?["deletionTimestamp"] != nil)
        let deployment = try JSON(data: #require(cluster.object(at: "\(Self.apps)/deployments/web-green")))
        #expect(deployment["status"]?["replicas"] == .number(1), "a terminating pod counts for nothing")

        #expect(await cluster.settle())
        let replacements = try greenPods(cluster)
        #expect(replacements.count == 1)
        let replacement = try #require(replacements.first)
        #expect(replacement["metadata"]?["name"] != original["metadata"]?["name"])
        #expect(replacement["metadata"]?["uid"] != original["metadata"]?["uid"])
        #expect(replacement["metadata"]?["ownerReferences"]?[0]?["name"] == original["metadata"]?["ownerReferences"]?[0]?["name"])
        #expect(replacement["status"]?["containerStatuses"]?[0]?["ready"] == .bool(true))
    }

    @Test("deleting a Deployment takes its ReplicaSets and pods; creating it again starts over at revision 1")
    func deleteAndRecreate() throws {
        let cluster = try FakeCluster(timing: .instant) // decisions, not timing
        let app = try FakeClusterWorkload(cluster, name: "web", image: "nginx:1.27")
        try app.patchContainer(#""image":"nginx:1.28""#)
        try cluster.deleteDeployment(namespace: "demo", name: "web")
        #expect(cluster.objects(in: "/apis/apps/v1/namespaces/demo/replicasets").isEmpty)
        #expect(try app.pods().isEmpty)
        #expect(throws: APIStatusError.self) { try cluster.deleteDeployment(namespace: "demo", name: "web") }

        let again = try FakeClusterWorkload(cluster, name: "web", image: "nginx:1.27")
        #expect(try again.isHealthy())
        #expect(try again.deployment()["metadata"]?["annotations"]?[Self.revision] == .string("1"))
    }

    @Test("a Recreate Deployment removes the old pods before starting new ones")
    func recreate() throws {
        let cluster = try FakeCluster(timing: .instant) // decisions, not timing
        let app = try FakeClusterWorkload(cluster, name: "web", image: "nginx:1.27")
        try cluster.mergePatch(at: app.path, json: #"{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}"#)
        try app.patchContainer(#""image":"nginx:latst""#)
        let pods = try app.pods()
        #expect(pods.count == 1)
        #expect(pods.first?["spec"]?["containers"]?[0]?["image"] == .string("nginx:latst"))
    }

    private func replicaSets(_ cluster: FakeCluster) throws -> [JSON] {
        try cluster.objects(in: "\(Self.apps)/replicasets").map { try JSON(data: $0) }
            .filter { $0["metadata"]?["name"]?.string?.hasPrefix("web-blue-") == true }
    }

    private func greenPods(_ cluster: FakeCluster) throws -> [JSON] {
        try cluster.objects(in: Self.pods).map { try JSON(data: $0) }
            .filter { $0["metadata"]?["labels"]?["version"] == .string("green") }
    }
}
