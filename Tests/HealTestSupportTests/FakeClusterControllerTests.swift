import Foundation
import HealTestSupport
import Testing

@Suite("FakeCluster's controllers act like the real ones")
struct FakeClusterControllerTests {
    static let namespace = "/api/v1/namespaces/mcp-failover-clean"
    static let apps = "/apis/apps/v1/namespaces/mcp-failover-clean"
    static let slices = "/apis/discovery.k8s.io/v1/namespaces/mcp-failover-clean/endpointslices"

    let cluster: FakeCluster

    init() throws {
        // Decisions, not timing: every write settles before it returns.
        cluster = try FakeCluster.blueGreen(timing: .instant)
    }

    @Test("blueGreen seeds the captured namespace and the controllers leave it as captured")
    func seedsBlueGreen() throws {
        let blue = try json(cluster.object(at: "\(Self.apps)/deployments/web-blue"))
        #expect(blue["status"]?["readyReplicas"] == .number(2))
        #expect(blue["metadata"]?["resourceVersion"] == .string("363"))
        let pods = try cluster.objects(in: "\(Self.namespace)/pods").map { try JSON(data: $0) }
        #expect(pods.compactMap { $0["metadata"]?["name"]?.string }
            == ["web-blue-5959b56b7c-8npp6", "web-blue-5959b56b7c-hkftb"])
        #expect(pods.allSatisfy { $0["metadata"]?["resourceVersion"]?.string.flatMap { Int($0) } ?? 0 < 962 })
        #expect(try endpointNames(of: "web") == ["web-blue-5959b56b7c-hkftb", "web-blue-5959b56b7c-8npp6"])
    }

    @Test("scaling web-green from 0 to 2 gives 2 Ready pods and a Deployment status with readyReplicas 2")
    func scaleUp() throws {
        try cluster.mergePatch(at: "\(Self.apps)/deployments/web-green", json: #"{"spec":{"replicas":2}}"#)

        let green = try json(cluster.object(at: "\(Self.apps)/deployments/web-green"))
        #expect(green["metadata"]?["generation"] == .number(4))
        #expect(green["status"]?["observedGeneration"] == .number(4))
        #expect(green["status"]?["replicas"] == .number(2))
        #expect(green["status"]?["readyReplicas"] == .number(2))
        #expect(green["status"]?["availableReplicas"] == .number(2))
        #expect(green["status"]?["unavailableReplicas"] == nil)
        let available = green["status"]?["conditions"]?.array?.first { $0["type"] == .string("Available") }
        #expect(available?["status"] == .string("True"))

        let pods = try greenPods()
        #expect(pods.count == 2)
        for pod in pods {
            #expect(pod["metadata"]?["name"]?.string?.hasPrefix("web-green-58448d9dd6-") == true)
            #expect(pod["metadata"]?["labels"]?["pod-template-hash"] == .string("58448d9dd6"))
            #expect(pod["metadata"]?["ownerReferences"]?[0]?["name"] == .string("web-green-58448d9dd6"))
            #expect(pod["spec"]?["nodeName"] == .string("node-1"))
            #expect(pod["status"]?["phase"] == .string("Running"))
            #expect(pod["status"]?["podIP"]?.string?.hasPrefix("10.244.") == true)
            let conditions = pod["status"]?["conditions"]?.array ?? []
            #expect(conditions.compactMap { $0["type"]?.string }
                == ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"])
            #expect(conditions.allSatisfy { $0["status"] == .string("True") })
            let container = pod["status"]?["containerStatuses"]?[0]
            #expect(container?["ready"] == .bool(true))
            #expect(container?["image"] == .string("docker.io/library/nginx:1.27"))
        }
        let replicaSet = try json(cluster.object(at: "\(Self.apps)/replicasets/web-green-58448d9dd6"))
        #expect(replicaSet["spec"]?["replicas"] == .number(2))
        #expect(replicaSet["status"]?["readyReplicas"] == .number(2))
    }

    @Test("scaling down deletes the newest pods")
    func scaleDown() throws {
        try cluster.mergePatch(at: "\(Self.apps)/deployments/web-blue", json: #"{"spec":{"replicas":1}}"#)
        let names = try cluster.objects(in: "\(Self.namespace)/pods").map { try JSON(data: $0)["metadata"]?["name"]?.string }
        #expect(names == ["web-blue-5959b56b7c-8npp6"] || names == ["web-blue-5959b56b7c-hkftb"])
        let blue = try json(cluster.object(at: "\(Self.apps)/deployments/web-blue"))
        #expect(blue["status"]?["replicas"] == .number(1))
    }

    @Test("a changed template rolls out to a new ReplicaSet and scales the old one to 0")
    func rollout() throws {
        try cluster.mergePatch(
            at: "\(Self.apps)/deployments/web-blue",
            json: #"{"spec":{"template":{"metadata":{"annotations":{"restartedAt":"now"}}}}}"#)
        let replicaSets = try cluster.objects(in: "\(Self.apps)/replicasets").map { try JSON(data: $0) }
        let blue = replicaSets.filter { $0["metadata"]?["name"]?.string?.hasPrefix("web-blue-") == true }
        #expect(blue.count == 2)
        let old = blue.first { $0["metadata"]?["name"] == .string("web-blue-5959b56b7c") }
        #expect(old?["spec"]?["replicas"] == .number(0))
        let new = try #require(blue.first { $0["metadata"]?["name"] != .string("web-blue-5959b56b7c") })
        #expect(new["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"] == .string("2"))
        let pods = try cluster.objects(in: "\(Self.namespace)/pods").map { try JSON(data: $0) }
        #expect(pods.count == 2)
        #expect(pods.allSatisfy { $0["metadata"]?["ownerReferences"]?[0]?["name"] == new["metadata"]?["name"] })
    }

    @Test("a Service selector merge patch moves the EndpointSlice endpoints to the other colour")
    func selectorSwitch() throws {
        try cluster.mergePatch(at: "\(Self.apps)/deployments/web-green", json: #"{"spec":{"replicas":2}}"#)
        try cluster.mergePatch(at: "\(Self.namespace)/services/web", json: #"{"spec":{"selector":{"version":"green"}}}"#)

        let greenNames = try greenPods().compactMap { $0["metadata"]?["name"]?.string }.sorted()
        #expect(try endpointNames(of: "web") == greenNames)
        let slice = try #require(try slice(of: "web"))
        #expect(slice["metadata"]?["name"] == .string("web-7d66c"))
        #expect(slice["ports"] == .array([.object(["name": .string("http"), "protocol": .string("TCP"), "port": .number(80)])]))
        #expect(slice["endpoints"]?[0]?["conditions"] == .object(["ready": .bool(true), "serving": .bool(true), "terminating": .bool(false)]))
    }

    @Test("setBehaviour(.notReady) makes the pods and their endpoints not ready and records Unhealthy")
    func notReady() throws {
        let message = "Readiness probe failed: HTTP probe failed with statuscode: 404"
        cluster.setBehaviour(.notReady(message: message), namespace: "mcp-failover-clean", deployment: "web-blue")

        let slice = try #require(try slice(of: "web"))
        #expect((slice["endpoints"]?.array ?? []).map { $0["conditions"]?["ready"] } == [.bool(false), .bool(false)])
        let blue = try json(cluster.object(at: "\(Self.apps)/deployments/web-blue"))
        #expect(blue["status"]?["readyReplicas"] == nil)
        #expect(blue["status"]?["unavailableReplicas"] == .number(2))
        let events = try cluster.objects(in: "\(Self.namespace)/events").map { try JSON(data: $0) }
        #expect(events.count == 2)
        #expect(events.allSatisfy { $0["reason"] == .string("Unhealthy") && $0["message"] == .string(message) })
        #expect(events.first?["source"] == .object(["component": .string("kubelet"), "host": .string("node-1")]))
    }

    @Test("crashLoop reports CrashLoopBackOff with the exit code and a BackOff event")
    func crashLoop() throws {
        cluster.setBehaviour(.crashLoop(exitCode: 3, log: ["boom"]), namespace: "mcp-failover-clean", deployment: "web-blue")
        let pod = try json(cluster.object(at: "\(Self.namespace)/pods/web-blue-5959b56b7c-8npp6"))
        let container = pod["status"]?["containerStatuses"]?[0]
        #expect(container?["state"]?["waiting"]?["reason"] == .string("CrashLoopBackOff"))
        #expect(container?["lastState"]?["terminated"]?["exitCode"] == .number(3))
        #expect(container?["lastState"]?["terminated"]?["reason"] == .string("Error"))
        #expect((container?["restartCount"]?.number ?? 0) > 0)
        let events = try cluster.objects(in: "\(Self.namespace)/events").map { try JSON(data: $0) }
        #expect(events.contains { $0["reason"] == .string("BackOff") && $0["type"] == .string("Warning") })
    }

    @Test("readyAfter keeps new pods not Ready until the delay has passed")
    func readyAfter() async throws {
        cluster.setBehaviour(.readyAfter(.milliseconds(300)), namespace: "mcp-failover-clean", deployment: "web-green")
        try cluster.mergePatch(at: "\(Self.apps)/deployments/web-green", json: #"{"spec":{"replicas":1}}"#)

        let early = try greenPods()
        #expect(early.count == 1)
        #expect(early.first?["status"]?["containerStatuses"]?[0]?["ready"] == .bool(false))
        try await Task.sleep(for: .milliseconds(600))
        #expect(try greenPods().first?["status"]?["containerStatuses"]?[0]?["ready"] == .bool(true))
        let green = try json(cluster.object(at: "\(Self.apps)/deployments/web-green"))
        #expect(green["status"]?["readyReplicas"] == .number(1))
    }

    // MARK: Helpers

    private func json(_ data: Data?) throws -> JSON {
        try JSON(data: #require(data))
    }

    private func greenPods() throws -> [JSON] {
        try cluster.objects(in: "\(Self.namespace)/pods").map { try JSON(data: $0) }
            .filter { $0["metadata"]?["labels"]?["version"] == .string("green") }
    }

    private func slice(of service: String) throws -> JSON? {
        try cluster.objects(in: Self.slices).map { try JSON(data: $0) }
            .first { $0["metadata"]?["labels"]?["kubernetes.io/service-name"] == .string(service) }
    }

    private func endpointNames(of service: String) throws -> [String] {
        (try slice(of: service)?["endpoints"]?.array ?? []).compactMap { $0["targetRef"]?["name"]?.string }
    }
}
