import Foundation
import HealTestSupport
import Testing

/// `FakeCluster.agenticDemo()`: the captured broken namespace, reproduced from the specs.
@Suite("FakeCluster.agenticDemo reproduces the captured broken workloads")
struct FakeClusterAgenticDemoTests {
    static let pods = "/api/v1/namespaces/agentic-demo/pods"
    static let apps = "/apis/apps/v1/namespaces/agentic-demo"

    let cluster: FakeCluster

    init() throws {
        cluster = try FakeCluster.agenticDemo()
    }

    @Test("after load the kubelet's derived statuses equal the captured ones, pod for pod")
    func statusesAsCaptured() throws {
        let captured = try CapturedAgenticDemo.items().filter { $0["kind"] == .string("Pod") }
        let pods = try cluster.objects(in: Self.pods).map { try JSON(data: $0) }
        #expect(pods.compactMap { $0["metadata"]?["name"]?.string } == captured.compactMap { $0["metadata"]?["name"]?.string })
        for (pod, original) in zip(pods, captured) {
            #expect(pod["status"] == original["status"], "\(pod["metadata"]?["name"]?.string ?? "")")
        }
    }

    @Test("the four workloads are broken as the analyzers read them")
    func brokenAsDiagnosed() throws {
        let web = try container(of: "web-server")
        #expect(web["state"]?["waiting"]?["reason"] == .string("ImagePullBackOff"))
        #expect(web["state"]?["waiting"]?["message"]?.string?.hasSuffix("docker.io/library/nginx:latst: not found") == true)

        let alpine = try container(of: "alpine-app")
        #expect(alpine["state"]?["waiting"]?["reason"] == .string("ImagePullBackOff"))
        #expect(alpine["state"]?["waiting"]?["message"]?.string?.contains("repository does not exist or may require authorization") == true)

        let memory = try container(of: "memory-hungry")
        #expect(memory["state"]?["waiting"]?["reason"] == .string("CrashLoopBackOff"))
        #expect(memory["lastState"]?["terminated"]?["reason"] == .string("OOMKilled"))
        #expect(memory["lastState"]?["terminated"]?["exitCode"] == .number(137))

        let mysql = try container(of: "mysql-client-7c5999d768")
        #expect(mysql["state"]?["waiting"]?["reason"] == .string("CrashLoopBackOff"))
        #expect(mysql["lastState"]?["terminated"]?["exitCode"] == .number(1))
        let serving = try container(of: "mysql-client-7577645b4d")
        #expect(serving["ready"] == .bool(true))

        let deployment = try json("\(Self.apps)/deployments/mysql-client")
        #expect(deployment["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"] == .string("3"))
        #expect(deployment["status"]?["replicas"] == .number(2))
        #expect(deployment["status"]?["updatedReplicas"] == .number(1))
        #expect(deployment["status"]?["unavailableReplicas"] == .number(1))
    }

    @Test("time moves the crash loops on: memory-hungry restarts after its 2m40s back-off")
    func crashLoopsContinue() async throws {
        cluster.advanceClock(by: .seconds(160))
        #expect(await cluster.settle())
        let memory = try container(of: "memory-hungry")
        #expect(memory["restartCount"] == .number(6))
        #expect(memory["state"]?["waiting"]?["message"]?.string?.hasPrefix("back-off 5m0s ") == true)
        let backOff = try cluster.objects(in: "/api/v1/namespaces/agentic-demo/events").map { try JSON(data: $0) }
            .filter { $0["reason"] == .string("BackOff") && $0["involvedObject"]?["name"] == .string("memory-hungry-6478d69d96-mg7j2") }
        #expect(backOff.count == 1, "the captured Event counts on")
        #expect(backOff.first?["count"] == .number(6))
    }

    @Test("the right fixes heal all four; the stuck mysql-client rollout completes")
    func fixes() async throws {
        let patches = [
            ("web-server", #""image":"nginx:latest""#),
            ("alpine-app", #""image":"alpine:3.18""#),
            ("memory-hungry", #""resources":{"limits":{"memory":"328Mi"}}"#),
            ("mysql-client", #""env":[{"name":"MYSQL_HOST","value":"db.agentic-demo.svc"},{"name":"MYSQL_ROOT_PASSWORD","value":"s3cret"}]"#),
        ]
        for (name, fields) in patches {
            try cluster.strategicMergePatch(
                at: "\(Self.apps)/deployments/\(name)",
                json: #"{"spec":{"template":{"spec":{"containers":[{"name":"\#(name)",\#(fields)}]}}}}"#)
        }
        #expect(await cluster.settle())
        for (name, _) in patches {
            let deployment = try json("\(Self.apps)/deployments/\(name)")
            #expect(deployment["status"]?["availableReplicas"] == .number(1), "\(name)")
            #expect(deployment["status"]?["replicas"] == .number(1), "\(name)")
            let pods = try pods(of: name)
            #expect(pods.count == 1, "\(name)")
            #expect(pods.first?["status"]?["containerStatuses"]?[0]?["ready"] == .bool(true), "\(name)")
        }
    }

    @Test("a wrong fix rolls out pods that fail the same way")
    func wrongFix() async throws {
        try cluster.strategicMergePatch(
            at: "\(Self.apps)/deployments/memory-hungry",
            json: #"{"spec":{"template":{"spec":{"containers":[{"name":"memory-hungry","resources":{"limits":{"memory":"228Mi"}}}]}}}}"#)
        #expect(await cluster.settle())
        let pods = try pods(of: "memory-hungry")
        #expect(pods.count == 2, "old and new, both crash-looping")
        #expect(pods.allSatisfy { $0["status"]?["containerStatuses"]?[0]?["lastState"]?["terminated"]?["reason"] == .string("OOMKilled") })
    }

    @Test("rolling mysql-client back to revision 2 reuses its ReplicaSet as revision 4")
    func rollbackMySQL() async throws {
        // What `kubectl rollout undo --to-revision=2` sends: revision 2's template without its hash label.
        let previous = try #require(cluster.object(at: "\(Self.apps)/replicasets/mysql-client-7577645b4d"))
        let replicaSet = try #require(try JSONSerialization.jsonObject(with: previous) as? [String: Any])
        var template = try #require((replicaSet["spec"] as? [String: Any])?["template"] as? [String: Any])
        var metadata = template["metadata"] as? [String: Any] ?? [:]
        var labels = metadata["labels"] as? [String: String] ?? [:]
        labels["pod-template-hash"] = nil
        metadata["labels"] = labels
        template["metadata"] = metadata
        let patch = try JSONSerialization.data(withJSONObject: ["spec": ["template": template]])
        try cluster.mergePatch(at: "\(Self.apps)/deployments/mysql-client", json: String(decoding: patch, as: UTF8.self))
        #expect(await cluster.settle())

        let reused = try json("\(Self.apps)/replicasets/mysql-client-7577645b4d")
        #expect(reused["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"] == .string("4"))
        #expect(reused["metadata"]?["annotations"]?["deployment.kubernetes.io/revision-history"] == .string("2"))
        #expect(try json("\(Self.apps)/replicasets/mysql-client-7c5999d768")["spec"]?["replicas"] == .number(0))
        let pods = try pods(of: "mysql-client")
        #expect(pods.compactMap { $0["metadata"]?["name"]?.string } == ["mysql-client-7577645b4d-n4r5g"])
    }

    @Test("delete and re-create mysql-client from its manifest: one fresh crash-looping pod, no serving revision")
    func recreateBroken() async throws {
        try cluster.deleteDeployment(namespace: "agentic-demo", name: "mysql-client")
        #expect(await cluster.settle())
        #expect(try pods(of: "mysql-client").isEmpty)
        try cluster.create(json: FakeCluster.agenticDemoManifest("mysql-client"))
        #expect(await cluster.settle())

        let pods = try pods(of: "mysql-client")
        #expect(pods.count == 1)
        let container = try #require(pods.first?["status"]?["containerStatuses"]?[0])
        #expect(container["state"]?["waiting"]?["reason"] == .string("CrashLoopBackOff"))
        #expect(container["restartCount"] == .number(1))
        let deployment = try json("\(Self.apps)/deployments/mysql-client")
        #expect(deployment["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"] == .string("1"))
        #expect(deployment["status"]?["availableReplicas"] == nil)
    }

    // MARK: Helpers

    private func json(_ path: String) throws -> JSON {
        try JSON(data: #require(cluster.object(at: path)))
    }

    private func pods(of deployment: String) throws -> [JSON] {
        try cluster.objects(in: Self.pods).map { try JSON(data: $0) }
            .filter { $0["metadata"]?["labels"]?["app"] == .string(deployment) }
    }

    /// The first container of the pod whose name starts with `prefix`.
    private func container(of prefix: String) throws -> JSON {
        let pod = try #require(try cluster.objects(in: Self.pods).map { try JSON(data: $0) }
            .first { $0["metadata"]?["name"]?.string?.hasPrefix(prefix) == true })
        return try #require(pod["status"]?["containerStatuses"]?[0])
    }
}
