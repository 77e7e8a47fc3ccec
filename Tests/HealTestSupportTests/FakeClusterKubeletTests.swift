import Foundation
import HealTestSupport
import Testing

/// The fake kubelet derives pod status from each pod's own spec: the node's image registry, the
/// Secrets and ConfigMaps in the store, and what the Deployment's program needs.
@Suite("FakeCluster's kubelet follows the pod spec")
struct FakeClusterKubeletTests {
    let cluster: FakeCluster

    init() throws {
        // Decisions, not timing: every write settles before it returns.
        cluster = try FakeCluster(timing: .instant)
    }

    // MARK: Images

    @Test("an image tag typo is ErrImagePull, then ImagePullBackOff with the captured nginx:latst message and events")
    func tagTypo() throws {
        let web = try FakeClusterWorkload(cluster, name: "web-server", image: "nginx:latst")
        let captured = try CapturedAgenticDemo.containerStatus(pod: "web-server-59c44b768d-tm998")
        let capturedMessage = try #require(captured["state"]?["waiting"]?["message"]?.string)
        let pullError = String(capturedMessage.split(separator: "ErrImagePull: ", maxSplits: 1)[1])

        let first = try web.container()
        #expect(first["state"]?["waiting"] == .object(["reason": .string("ErrImagePull"), "message": .string(pullError)]))
        #expect(try web.currentPods()[0]["status"]?["phase"] == .string("Pending"))

        cluster.advanceClock(by: .seconds(10))
        let backingOff = try web.container()
        #expect(backingOff["state"] == captured["state"])
        #expect(backingOff["image"] == .string("nginx:latst"))
        #expect(backingOff["imageID"] == .string(""))
        #expect(backingOff["restartCount"] == .number(0))
        #expect(try web.events().compactMap { $0["message"]?.string }.sorted()
            == CapturedAgenticDemo.kubeletMessages(pod: "web-server-59c44b768d-tm998"))
    }

    @Test("an unknown repository is ImagePullBackOff with the captured apline:3.18 message")
    func repositoryTypo() throws {
        let alpine = try FakeClusterWorkload(cluster, name: "alpine-app", image: "apline:3.18")
        cluster.advanceClock(by: .seconds(10))
        let captured = try CapturedAgenticDemo.containerStatus(pod: "alpine-app-6f55c5d7d8-nj25q")
        #expect(try alpine.container()["state"] == captured["state"])
        #expect(try alpine.events().compactMap { $0["message"]?.string }.sorted()
            == CapturedAgenticDemo.kubeletMessages(pod: "alpine-app-6f55c5d7d8-nj25q"))
    }

    @Test("patching the image rolls out pods that run and are Ready; the broken ReplicaSet goes to 0")
    func imageFix() throws {
        let web = try FakeClusterWorkload(cluster, name: "web-server", image: "nginx:latst")
        try web.patchContainer(#""image":"nginx:latest""#)

        #expect(try web.isHealthy())
        let container = try web.container()
        #expect(container["state"]?["running"] != nil)
        #expect(container["image"] == .string("docker.io/library/nginx:latest"))
        #expect(try web.deployment()["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"] == .string("2"))
        // The deployment controller's own Events, worded and shaped as the captured ones.
        let scaling = try web.allEvents().filter { $0["reason"] == .string("ScalingReplicaSet") }
        let messages = scaling.compactMap { $0["message"]?.string }
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.filter { $0.hasPrefix("Scaled up replica set web-server-") && $0.hasSuffix(" from 0 to 1") }.count == 2, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("Scaled down replica set web-server-") && $0.hasSuffix(" from 1 to 0") }, "\(messages)")
        #expect(scaling.allSatisfy {
            $0["involvedObject"]?["kind"] == .string("Deployment") && $0["source"]?["component"] == .string("deployment-controller")
                && $0["reportingComponent"] == .string("deployment-controller") && $0["type"] == .string("Normal")
        })
    }

    @Test("setRegistry decides what pulls: an image taken away fails, one added starts")
    func registry() throws {
        let app = try FakeClusterWorkload(cluster, image: "ghcr.io/acme/billing:1.3.0")
        #expect(try app.container()["state"]?["waiting"]?["reason"] == .string("ErrImagePull"))
        cluster.setRegistry(images: ["ghcr.io/acme/billing:1.3.0"])
        #expect(try app.isHealthy())
    }

    // MARK: Memory

    @Test("memory below the need: OOMKilled in CrashLoopBackOff at 128Mi and 228Mi, Ready at 328Mi")
    func memory() throws {
        cluster.setNeeds(WorkloadNeeds(memory: "300Mi"), namespace: FakeClusterWorkload.namespace, deployment: "memory-hungry")
        let app = try FakeClusterWorkload(cluster, name: "memory-hungry", image: "polinux/stress:1.0.4", memoryLimit: "128Mi")
        for limit in ["128Mi", "228Mi"] {
            if limit != "128Mi" { try app.patchContainer(#""resources":{"limits":{"memory":"\#(limit)"}}"#) }
            let container = try app.container()
            #expect(container["state"]?["waiting"]?["reason"] == .string("CrashLoopBackOff"), "\(limit)")
            #expect(container["lastState"]?["terminated"]?["reason"] == .string("OOMKilled"), "\(limit)")
            #expect(container["lastState"]?["terminated"]?["exitCode"] == .number(137), "\(limit)")
            #expect(try app.deployment()["status"]?["availableReplicas"] == nil)
        }
        try app.patchContainer(#""resources":{"limits":{"memory":"328Mi"}}"#)
        #expect(try app.isHealthy())
        #expect(try app.container()["restartCount"] == .number(0))
    }

    @Test("an OOMKilled container logs what the captured memory-hungry logs")
    func memoryLog() throws {
        cluster.setNeeds(WorkloadNeeds(memory: "300Mi"), namespace: FakeClusterWorkload.namespace, deployment: "memory-hungry")
        let app = try FakeClusterWorkload(cluster, name: "memory-hungry", image: "polinux/stress:1.0.4", memoryLimit: "128Mi")
        let pod = try #require(try app.currentPods().first?["metadata"]?["name"]?.string)
        let client = try HTTPTestClient(port: cluster.server.port)
        let log = try client.request("/api/v1/namespaces/demo/pods/\(pod)/log?container=memory-hungry&tailLines=50")
        #expect(log.status == 200)
        #expect(log.text == (try Fixtures.text("k8s-v1.36/logs/agentic-demo_memory-hungry-6478d69d96-mg7j2_memory-hungry.log")))
    }

    // MARK: Environment

    @Test("missing required env: CrashLoopBackOff exit 1, and the log endpoint serves the captured lines")
    func missingEnv() throws {
        let app = try mysqlClient()
        let container = try app.container()
        #expect(container["state"]?["waiting"]?["reason"] == .string("CrashLoopBackOff"))
        #expect(container["lastState"]?["terminated"]?["exitCode"] == .number(1))
        #expect(container["lastState"]?["terminated"]?["reason"] == .string("Error"))
        #expect(try app.currentPods()[0]["status"]?["phase"] == .string("Running"))

        let pod = try #require(try app.currentPods().first?["metadata"]?["name"]?.string)
        let client = try HTTPTestClient(port: cluster.server.port)
        let captured = try Fixtures.text("k8s-v1.36/logs/agentic-demo_mysql-client-7c5999d768-fngbb_mysql-client.log")
        let base = "/api/v1/namespaces/demo/pods/\(pod)/log?container=mysql-client"
        #expect(try client.request(base).text == captured)
        #expect(try client.request(base + "&previous=true&tailLines=50").text
            == (try Fixtures.text("k8s-v1.36/logs/agentic-demo_mysql-client-7c5999d768-fngbb_mysql-client.previous.log")))
        #expect(try client.request(base + "&tailLines=1").text == "ERROR: Missing required environment variables!\n")
    }

    @Test("setting the env as literal values heals the workload")
    func envLiteral() throws {
        let app = try mysqlClient()
        try app.patchContainer(#""env":[{"name":"MYSQL_HOST","value":"db.agentic-demo.svc"},{"name":"MYSQL_ROOT_PASSWORD","value":"s3cret"}]"#)
        #expect(try app.isHealthy())
    }

    @Test("an empty value still counts as missing")
    func envEmpty() throws {
        let app = try mysqlClient()
        try app.patchContainer(#""env":[{"name":"MYSQL_HOST","value":""},{"name":"MYSQL_ROOT_PASSWORD","value":"s3cret"}]"#)
        #expect(try app.container()["state"]?["waiting"]?["reason"] == .string("CrashLoopBackOff"))
        let pod = try #require(try app.currentPods().first?["metadata"]?["name"]?.string)
        let log = try HTTPTestClient(port: cluster.server.port).request("/api/v1/namespaces/demo/pods/\(pod)/log")
        #expect(log.text == "MYSQL_HOST is: \nMYSQL_ROOT_PASSWORD is: s3cret\nERROR: Missing required environment variables!\n")
    }

    @Test("a secretKeyRef to an existing Secret key heals the workload")
    func envFromSecret() throws {
        try cluster.create(json: #"""
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"mysql","namespace":"demo"},"type":"Opaque",
             "data":{"host":"ZGIuYWdlbnRpYy1kZW1vLnN2Yw==","password":"czNjcmV0"}}
            """#)
        let app = try mysqlClient()
        try app.patchContainer(#"""
            "env":[{"name":"MYSQL_HOST","valueFrom":{"secretKeyRef":{"name":"mysql","key":"host"}}},
                   {"name":"MYSQL_ROOT_PASSWORD","valueFrom":{"secretKeyRef":{"name":"mysql","key":"password"}}}]
            """#)
        #expect(try app.isHealthy())
    }

    @Test("a secretKeyRef to a missing Secret is CreateContainerConfigError with the kubelet's message")
    func missingSecret() throws {
        let app = try mysqlClient()
        try app.patchContainer(#"""
            "env":[{"name":"MYSQL_HOST","value":"db"},
                   {"name":"MYSQL_ROOT_PASSWORD","valueFrom":{"secretKeyRef":{"name":"mysql","key":"password"}}}]
            """#)
        let container = try app.container()
        #expect(container["state"]?["waiting"] == .object([
            "reason": .string("CreateContainerConfigError"), "message": .string(#"secret "mysql" not found"#),
        ]))
        #expect(container["lastState"] == .object([:]))
        #expect(container["imageID"] == .string(""))
        let pod = try #require(try app.currentPods().first)
        #expect(pod["status"]?["phase"] == .string("Pending"))
        let name = try #require(pod["metadata"]?["name"]?.string)
        #expect(try app.events().contains {
            $0["reason"] == .string("Failed") && $0["message"] == .string(#"Error: secret "mysql" not found"#)
                && $0["involvedObject"]?["name"] == .string(name)
        })

        // As the captured config-missing-secret-key log request: 400 "waiting to start".
        let log = try HTTPTestClient(port: cluster.server.port).request("/api/v1/namespaces/demo/pods/\(name)/log?container=mysql-client")
        #expect(log.status == 400)
        #expect(try log.json() == JSON(data: Data(#"""
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
             "message":"container \"mysql-client\" in pod \"\#(name)\" is waiting to start: CreateContainerConfigError",
             "reason":"BadRequest","code":400}
            """#.utf8)))
    }

    @Test("a secretKeyRef to a key the Secret lacks is the captured couldn't-find-key message")
    func missingSecretKey() throws {
        try cluster.create(json: #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"mysql","namespace":"demo"},"data":{}}"#)
        let app = try mysqlClient()
        try app.patchContainer(#""env":[{"name":"MYSQL_ROOT_PASSWORD","valueFrom":{"secretKeyRef":{"name":"mysql","key":"password"}}}]"#)
        #expect(try app.container()["state"]?["waiting"]?["message"] == .string("couldn't find key password in Secret demo/mysql"))
    }

    @Test("a pod pulling a missing image answers log requests with the captured 400")
    func logOfWaitingContainer() throws {
        let web = try FakeClusterWorkload(cluster, name: "web-server", image: "nginx:latst")
        let pod = try #require(try web.currentPods().first?["metadata"]?["name"]?.string)
        let log = try HTTPTestClient(port: cluster.server.port)
            .request("/api/v1/namespaces/demo/pods/\(pod)/log?container=web-server&tailLines=50")
        let captured = try JSON(data: Fixtures.statusBody("400-log-container-waiting").body)
        #expect(log.status == 400)
        #expect(try log.json()["message"]?.string
            == captured["message"]?.string?.replacingOccurrences(of: "web-server-59c44b768d-tm998", with: pod))
        #expect(try log.json()["reason"] == captured["reason"])
    }

    // MARK: Restarts

    @Test("a crash loop restarts on the kubelet's back-off: restartCount, message and BackOff count move on")
    func restarts() throws {
        let app = try mysqlClient()
        #expect(try app.container()["restartCount"] == .number(1))
        #expect(try app.container()["state"]?["waiting"]?["message"]?.string?.hasPrefix("back-off 10s restarting failed container=mysql-client pod=") == true)
        let firstCrash = try app.container()["lastState"]?["terminated"]?["containerID"]

        cluster.advanceClock(by: .seconds(10))
        #expect(try app.container()["restartCount"] == .number(2))
        #expect(try app.container()["state"]?["waiting"]?["message"]?.string?.hasPrefix("back-off 20s ") == true)
        #expect(try app.container()["lastState"]?["terminated"]?["containerID"] != firstCrash)

        cluster.advanceClock(by: .seconds(20 + 40))
        #expect(try app.container()["restartCount"] == .number(4))
        #expect(try app.container()["state"]?["waiting"]?["message"]?.string?.hasPrefix("back-off 1m20s ") == true)
        let backOff = try app.events().filter { $0["reason"] == .string("BackOff") }
        #expect(backOff.count == 1)
        #expect(backOff.first?["count"] == .number(4))
        #expect(try app.events().compactMap { $0["reason"]?.string }.sorted() == ["BackOff", "Created", "Pulled", "Started"])
    }

    @Test("setNeeds breaks a running Deployment at once: its pod crash-loops without a new rollout")
    func breakAtKnownInstant() throws {
        let app = try FakeClusterWorkload(cluster, name: "mysql-client", image: "mysql:8.0")
        #expect(try app.isHealthy())
        let before = ContinuousClock.now
        let changed = cluster.setNeeds(WorkloadNeeds(env: ["MYSQL_HOST"]), namespace: "demo", deployment: "mysql-client")
        #expect(changed >= before)
        let container = try app.container()
        #expect(container["state"]?["waiting"]?["reason"] == .string("CrashLoopBackOff"))
        #expect(container["restartCount"] == .number(1))
        #expect(try app.pods().count == 1)
    }

    private func mysqlClient() throws -> FakeClusterWorkload {
        cluster.setNeeds(WorkloadNeeds(env: ["MYSQL_HOST", "MYSQL_ROOT_PASSWORD"]), namespace: "demo", deployment: "mysql-client")
        return try FakeClusterWorkload(cluster, name: "mysql-client", image: "mysql:8.0")
    }
}

/// Reads of the captured agentic-demo namespace (`kubectl-get-agentic-demo.json`).
enum CapturedAgenticDemo {
    static func items() throws -> [JSON] {
        try JSON(data: Data(contentsOf: Fixtures.captured.appending(path: "kubectl-get-agentic-demo.json")))["items"]?.array ?? []
    }

    static func pod(_ name: String) throws -> JSON {
        try #require(try items().first { $0["kind"] == .string("Pod") && $0["metadata"]?["name"] == .string(name) })
    }

    static func containerStatus(pod name: String) throws -> JSON {
        try #require(try pod(name)["status"]?["containerStatuses"]?[0])
    }

    /// The messages of the kubelet's Events about a pod, sorted.
    static func kubeletMessages(pod name: String) throws -> [String] {
        try items().filter {
            $0["kind"] == .string("Event") && $0["involvedObject"]?["name"] == .string(name)
                && $0["source"]?["component"] == .string("kubelet")
        }.compactMap { $0["message"]?.string }.sorted()
    }
}
