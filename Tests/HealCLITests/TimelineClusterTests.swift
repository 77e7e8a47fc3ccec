import Foundation
import HealTestSupport
import Testing

/// `timeline` against the fake control plane, which rolls out and crashes in real time: a
/// healthy revision 1, then a revision 2 that empties an environment variable the program needs.
@Suite("timeline against a rolling, crashing fake cluster", .serialized)
struct TimelineClusterTests {
    /// No heal store: the default one is shared by every test of the process.
    static let noStore = ["XDG_STATE_HOME": "/nonexistent-state"]

    @Test("revision 2's change is shown, then the first crash with its exit code, then the back-off; revision 2 is the trigger")
    func badRollout() async throws {
        let cluster = try FakeCluster()
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        try cluster.create(json: Self.deployment("api", container: #""env":[{"name":"DATABASE_URL","value":"postgres://db.shop:5432/shop"}],"# + Self.requests))
        cluster.setNeeds(WorkloadNeeds(env: ["DATABASE_URL"]), namespace: "shop", deployment: "api")
        #expect(await cluster.settle(), "revision 1 runs")
        try cluster.strategicMergePatch(
            at: "/apis/apps/v1/namespaces/shop/deployments/api",
            json: #"{"spec":{"template":{"spec":{"containers":[{"name":"api","env":[{"name":"DATABASE_URL","value":""}]}]}}}}"#)
        let (document, entries, titles) = try await timelineAfterBackOff(cluster, kubeconfig: kubeconfig)
        let revision = try #require(titles.firstIndex(of: "revision 2 of deployment/api"), "\(titles)")
        #expect((entries[revision]["sentence"] as? String)?.contains("container api: value of DATABASE_URL changed against revision 1") == true)
        let crash = try #require(titles.firstIndex { $0.hasPrefix("container api crashed with exit code 1") || $0.hasPrefix("container api stopped with exit code 1") }, "\(titles)")
        let backOff = try #require(titles.firstIndex { $0.hasPrefix("BackOff on pod/api-") }, "\(titles)")
        #expect(revision < crash && crash <= backOff, "\(titles)")
        let triggers = try #require(document["triggers"] as? [[String: Any]])
        #expect(triggers.first?["entry"] as? Int == revision, "\(document["verdict"] ?? "")")
        #expect(!titles.contains("revision 1 of deployment/api") || titles.firstIndex(of: "revision 1 of deployment/api")! < revision)
    }

    @Test("a ConfigMap change, then a restart that crashes: the ConfigMap is the trigger, known by name and managedFields time only")
    func configChange() async throws {
        let cluster = try FakeCluster()
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        try cluster.create(json: #"""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"api-config","namespace":"shop"},
             "data":{"DATABASE_URL":"postgres://db.shop:5432/shop"}}
            """#)
        try cluster.create(json: Self.deployment("api", container: #""envFrom":[{"configMapRef":{"name":"api-config"}}],"# + Self.requests))
        cluster.setNeeds(WorkloadNeeds(env: ["DATABASE_URL"]), namespace: "shop", deployment: "api")
        #expect(await cluster.settle(), "the pod runs")
        // managedFields times are whole seconds: the edit must come in a later second than the creation.
        try await Task.sleep(for: .seconds(1.1))
        try cluster.mergePatch(at: "/api/v1/namespaces/shop/configmaps/api-config", json: #"{"data":{"DATABASE_URL":""}}"#, manager: "kubectl-edit")
        // The running pod keeps its environment; a restart picks the change up.
        let pods = cluster.objects(in: "/api/v1/namespaces/shop/pods").compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        let names = pods.compactMap { ($0["metadata"] as? [String: Any])?["name"] as? String }
        let pod = try #require(names.first)
        try await Task.sleep(for: .seconds(1.1))
        try cluster.delete(at: "/api/v1/namespaces/shop/pods/\(pod)")
        let (document, entries, titles) = try await timelineAfterBackOff(cluster, kubeconfig: kubeconfig)
        let change = try #require(titles.firstIndex(of: "ConfigMap api-config changed"), "\(titles)")
        #expect((entries[change]["sentence"] as? String)?.contains("(kubectl-edit, Update)") == true)
        let failure = try #require(document["firstFailure"] as? Int)
        #expect(change < failure, "\(titles)")
        let triggers = try #require(document["triggers"] as? [[String: Any]])
        #expect(triggers.first?["entry"] as? Int == change, "\(document["verdict"] ?? "")")
        for request in cluster.server.requests where request.path.hasSuffix("/configmaps") || request.path.hasSuffix("/secrets") {
            #expect(request.header("Accept")?.contains("as=PartialObjectMetadataList") == true, "\(request.path)")
        }
    }

    @Test("--watch streams the bad revision, the first crash, the Service's endpoints and the verdict as they happen, and outlives an API server restart")
    func watch() async throws {
        let cluster = try FakeCluster()
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        try cluster.create(json: Self.deployment("api", container: #""env":[{"name":"DATABASE_URL","value":"postgres://db.shop:5432/shop"}],"# + Self.requests))
        try cluster.create(json: #"""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"api","namespace":"shop"},
             "spec":{"selector":{"app":"api"},"ports":[{"port":80,"targetPort":8080,"protocol":"TCP"}]}}
            """#)
        cluster.setNeeds(WorkloadNeeds(env: ["DATABASE_URL"]), namespace: "shop", deployment: "api")
        #expect(await cluster.settle(), "revision 1 runs")
        // Its own (absent) heal store: the default one is shared by every test of the process.
        let watch = BackgroundRun(
            ["timeline", "deployment/api", "-n", "shop", "--watch", "-o", "json", "--kubeconfig", kubeconfig.path],
            variables: Self.noStore)
        #expect(await watch.waitFor(#""title":"service/api when the watch started""#) != nil, "\(watch.stdout.text)\(watch.stderr.text)")
        #expect(watch.stdout.text.hasPrefix(#"{"apiVersion":"#) && watch.stdout.text.contains(#""kind":"Timeline""#), "the timeline first, on one line")
        #expect(watch.stdout.text.contains("1 ready, 0 not ready"), "\(watch.stdout.text)")

        try cluster.strategicMergePatch(
            at: "/apis/apps/v1/namespaces/shop/deployments/api",
            json: #"{"spec":{"template":{"spec":{"containers":[{"name":"api","env":[{"name":"DATABASE_URL","value":""}]}]}}}}"#)
        #expect(await watch.waitFor(#""title":"revision 2 of deployment/api""#, timeout: .seconds(30)) != nil, "\(watch.stdout.text)")
        #expect(await watch.waitFor(#""title":"container api crashed with exit code 1"#, timeout: .seconds(30)) != nil, "\(watch.stdout.text)")
        #expect(await watch.waitFor(#""title":"service/api changed to 1 ready, 1 not ready""#, timeout: .seconds(30)) != nil, "the new pod never becomes ready: \(watch.stdout.text)")
        #expect(await watch.waitFor(#""sentence":"Probable trigger: deployment/api: revision 2"#, timeout: .seconds(30)) != nil, "\(watch.stdout.text)")
        let lines = try watch.stdout.text.split(separator: "\n").dropFirst().map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(lines.allSatisfy { $0["kind"] as? String == "TimelineUpdate" })
        let entries = lines.compactMap { line in (line["entry"] as? [String: Any]).map { (type: line["type"] as? String ?? "", entry: $0) } }
        let titles = entries.map { $0.entry["title"] as? String ?? "" }
        let revision = try #require(titles.firstIndex(of: "revision 2 of deployment/api"))
        let crash = try #require(titles.firstIndex { $0.hasPrefix("container api crashed with exit code 1") })
        #expect(revision < crash, "\(titles)")
        #expect(titles.filter { $0.hasPrefix("container api crashed with") || $0.hasPrefix("container api stopped with") }.count == 1, "the first crash is said once: \(titles)")
        let firstSeen = entries.filter { $0.type == "entry" }.map { "\($0.entry["title"] ?? "") \($0.entry["time"] ?? "")" }
        #expect(Set(firstSeen).count == firstSeen.count, "an entry is new once; repeats are updates: \(firstSeen)")

        // The API server goes away and comes back; the watch resumes and sees what follows.
        cluster.stopAPIServer()
        try await Task.sleep(for: .seconds(2))
        try cluster.startAPIServer()
        try await waitUntil("the watch resumes", timeout: .seconds(30)) { watch.stderr.text.contains("the API server answers again") }
        try cluster.mergePatch(at: "/apis/apps/v1/namespaces/shop/deployments/api", json: #"{"spec":{"replicas":0}}"#)
        #expect(await watch.waitFor("Scaled down replica set api-", timeout: .seconds(30)) != nil, "\(watch.stdout.text)\(watch.stderr.text)")
        #expect(await watch.stop() == 0, "\(watch.stderr.text)")
        let verdicts = watch.stdout.text.split(separator: "\n").filter { $0.contains(#""type":"verdict""#) }
        #expect(verdicts.count == 1 && verdicts.allSatisfy { $0.contains("Probable trigger: deployment/api: revision 2") },
                "said once; what was seen stays seen: the first failure does not move when its pod goes: \(verdicts)")
        // Both ReplicaSets scaled down in the same second: two Events, two lines.
        let scaledDown = Set(watch.stdout.text.matches(of: /Scaled down replica set (api-[a-z0-9]+)/).map { String($0.output.1) })
        #expect(scaledDown.count == 2, "\(watch.stdout.text)")
        #expect(watch.stderr.text.contains("did not answer the watch"), "\(watch.stderr.text)")
        let reconnected = try #require(watch.stdout.text.range(of: #""type":"reconnected""#), "\(watch.stdout.text)")
        #expect(watch.stdout.text.range(of: #""type":"disconnected""#).map { $0.lowerBound < reconnected.lowerBound } == true)
        #expect(watch.stdout.text.range(of: "Scaled down replica set api-").map { $0.lowerBound > reconnected.upperBound } == true, "seen after the restart")
        // Listed and watched, Secrets and ConfigMaps are metadata only.
        let metadataOnly = cluster.server.requests.filter { $0.path.hasSuffix("/secrets") || $0.path.hasSuffix("/configmaps") }
        #expect(metadataOnly.contains { $0.query("watch") == "1" }, "watched too")
        for request in metadataOnly {
            #expect(request.header("Accept")?.contains("as=PartialObjectMetadata") == true, "\(request.path) \(request.header("Accept") ?? "")")
        }
    }

    @Test("an OOM kill half an hour into an unchanged revision: no change precedes it, and that is said")
    func noCause() async throws {
        let cluster = try FakeCluster()
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        try cluster.create(json: Self.deployment("cache", container: #""resources":{"requests":{"cpu":"10m","memory":"32Mi"},"limits":{"memory":"64Mi"}}"#))
        #expect(await cluster.settle(), "revision 1 runs")
        cluster.advanceClock(by: .seconds(1800))
        // The cache grows past its limit: load, not a change anyone made in the cluster.
        cluster.setNeeds(WorkloadNeeds(memory: "100Mi"), namespace: "shop", deployment: "cache")
        let (document, entries, titles) = try await timelineAfterBackOff(cluster, kubeconfig: kubeconfig, deployment: "cache")
        let failure = try #require(document["firstFailure"] as? Int)
        #expect(titles[failure] == "container cache crashed with exit code 137 (OOMKilled)", "\(titles)")
        #expect((document["triggers"] as? [Any])?.isEmpty == true, "\(document["verdict"] ?? "")")
        let verdict = try #require(document["verdict"] as? String)
        #expect(verdict.hasPrefix("No change in the window precedes the first failure — container cache crashed with exit code 137 (OOMKilled)"), "\(verdict)")
        #expect(verdict.contains("the workload had run unchanged for 30m since revision 1 of deployment/cache, so look outside"), "\(verdict)")
        #expect(entries.filter { $0["isChange"] as? Bool == true }.isEmpty, "\(titles)")
    }

    @Test("a node that stops reporting under the workload's pod is the outside cause, ranked as the trigger")
    func outsideCause() async throws {
        let cluster = try FakeCluster()
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        try cluster.create(json: #"{"apiVersion":"v1","kind":"Node","metadata":{"name":"node-1"}}"#)
        try setNode(cluster, #""status":"True","reason":"KubeletReady","message":"kubelet is posting ready status""#)
        try cluster.create(json: Self.deployment("web"))
        #expect(await cluster.settle(), "revision 1 runs")
        cluster.advanceClock(by: .seconds(1800))
        // The node lifecycle controller's work, which the fake does not play: the condition, then
        // its Warning on each pod of the node.
        try setNode(cluster, #""status":"Unknown","reason":"NodeStatusUnknown","message":"Kubelet stopped posting node status.""#)
        let pods = cluster.objects(in: "/api/v1/namespaces/shop/pods").compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        let names = pods.compactMap { ($0["metadata"] as? [String: Any])?["name"] as? String }
        let pod = try #require(names.first)
        let now = cluster.timestampNow
        try cluster.create(json: #"""
            {"apiVersion":"v1","kind":"Event","metadata":{"name":"\#(pod).node-not-ready","namespace":"shop"},
             "involvedObject":{"kind":"Pod","namespace":"shop","name":"\#(pod)","apiVersion":"v1"},
             "reason":"NodeNotReady","message":"Node is not ready","type":"Warning","count":1,
             "firstTimestamp":"\#(now)","lastTimestamp":"\#(now)","source":{"component":"node-controller"}}
            """#)
        let run = await CLIRunner.run(["timeline", "deployment/web", "-n", "shop", "--kubeconfig", kubeconfig.path, "-o", "json"], variables: Self.noStore)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let entries = try #require(document["entries"] as? [[String: Any]])
        let trigger = try #require((document["triggers"] as? [[String: Any]])?.first?["entry"] as? Int)
        #expect(entries[trigger]["kind"] as? String == "node")
        #expect((entries[trigger]["sentence"] as? String)?.hasPrefix("node node-1 stopped reporting (Ready=Unknown): NodeStatusUnknown") == true, "\(entries[trigger])")
        let failure = try #require(document["firstFailure"] as? Int)
        #expect(entries[failure]["title"] as? String == "NodeNotReady on pod/\(pod)", "\(document["verdict"] ?? "")")
    }

    /// Writes node-1's Ready condition (the rest of the condition in `fields`) at the cluster's time.
    private func setNode(_ cluster: FakeCluster, _ fields: String) throws {
        let time = cluster.timestampNow
        try cluster.mergePatch(
            at: "/api/v1/nodes/node-1/status",
            json: #"{"status":{"conditions":[{"type":"Ready",\#(fields),"lastHeartbeatTime":"\#(time)","lastTransitionTime":"\#(time)"}]}}"#)
    }

    static let requests = #""resources":{"requests":{"cpu":"10m","memory":"32Mi"}}"#

    /// A one-replica Deployment in shop whose container is NAME, nginx:1.27, with `container`'s fields.
    private static func deployment(_ name: String, container fields: String = requests) -> String {
        #"""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"\#(name)","namespace":"shop","labels":{"app":"\#(name)"}},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"\#(name)"}},
                 "template":{"metadata":{"labels":{"app":"\#(name)"}},
                             "spec":{"containers":[{"name":"\#(name)","image":"nginx:1.27",\#(fields)}]}}}}
        """#
    }

    /// Waits for the kubelet's first BackOff in shop, then reads the Deployment's timeline as JSON.
    private func timelineAfterBackOff(_ cluster: FakeCluster, kubeconfig: URL, deployment: String = "api") async throws -> ([String: Any], [[String: Any]], [String]) {
        try await waitUntil("the crashing pod backs off", timeout: .seconds(40)) {
            cluster.objects(in: "/api/v1/namespaces/shop/events").contains { String(decoding: $0, as: UTF8.self).contains(#""reason":"BackOff""#) }
        }
        let run = await CLIRunner.run(["timeline", "deployment/\(deployment)", "-n", "shop", "--kubeconfig", kubeconfig.path, "-o", "json"], variables: Self.noStore)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let entries = try #require(document["entries"] as? [[String: Any]])
        return (document, entries, entries.map { $0["title"] as? String ?? "" })
    }
}
