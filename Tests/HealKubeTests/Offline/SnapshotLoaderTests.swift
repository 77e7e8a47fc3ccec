import Foundation
import HealKube
import HealModel
import HealTestSupport
import Testing

/// `--snapshot PATH`: folders in the API-path layout, single List files, kubectl's mixed List,
/// multi-document YAML and `kubectl cluster-info dump` trees.
@Suite("offline snapshots")
struct SnapshotLoaderTests {
    static let dump = Fixtures.captured.appending(path: "cluster-info-dump", directoryHint: .isDirectory)
    let workspace: KubeconfigWorkspace
    init() throws { workspace = try KubeconfigWorkspace() }

    /// The detail of the `.invalid` that loading `path` must fail with, naming `file`.
    private func invalidDetail(loading path: String, file: String) throws -> String {
        let error = try #require(throws: SnapshotError.self) { try SnapshotLoader().load(path) }
        guard case .invalid(let named, let detail) = error else {
            Issue.record("expected .invalid, got \(error)")
            return ""
        }
        #expect(named == file)
        return detail
    }

    private func load(_ url: URL) throws(SnapshotError) -> SnapshotLoader.Loaded {
        try SnapshotLoader().load(url.path)
    }

    private func lines(_ relativePath: String) throws -> [String] {
        try Fixtures.text(relativePath).split(separator: "\n").map(String.init)
    }

    @Test("a scenario folder: every kind it has a file of collected (no Gateway API here), logs/ files as current and previous logs, its clock the node heartbeat")
    func scenarioFolder() throws {
        let loaded = try load(Fixtures.scenario("agentic-demo"))
        let snapshot = loaded.snapshot

        #expect(snapshot.collected == Set(ResourceKind.allCases.filter { !$0.installedByCRD }))
        #expect(snapshot.pods.count == 4)
        #expect(snapshot.deployments.count == 4)
        let mysql = ContainerLogKey(namespace: "agentic-demo", pod: "mysql-client-7c5999d768-fngbb", container: "mysql-client")
        #expect(snapshot.logs[mysql]?.current == (try lines("scenarios/agentic-demo/logs/agentic-demo_mysql-client-7c5999d768-fngbb_mysql-client.log")))
        #expect(snapshot.logs[mysql]?.previous == (try lines("scenarios/agentic-demo/logs/agentic-demo_mysql-client-7c5999d768-fngbb_mysql-client.previous.log")))
        #expect(snapshot.logs.keys.map(\.pod).sorted() == ["memory-hungry-6478d69d96-mg7j2", "mysql-client-7c5999d768-fngbb"],
                ".err files (containers that never started) give no log")
        #expect(snapshot.referenceTime == Timestamp(rfc3339: "2026-11-21T19:38:40Z"))
        #expect(loaded.ignoredFiles.contains { $0.hasSuffix("expect.json") })
    }

    @Test("a single typed List file: its kind counts as collected")
    func singleListFile() throws {
        let loaded = try load(Fixtures.capturedAPIPaths.appending(path: "api/v1/namespaces/shop/pods.json"))

        #expect(loaded.snapshot.collected == [.pods])
        #expect(loaded.snapshot.pods.count == 7)
        #expect(loaded.snapshot.events.isEmpty)
        #expect(loaded.ignoredFiles.isEmpty)
    }

    @Test("the mixed `kubectl get pods,deploy,rs,… -o json` List is split by each item's kind")
    func mixedList() throws {
        let snapshot = try load(Fixtures.captured.appending(path: "kubectl-get-agentic-demo.json")).snapshot

        #expect(snapshot.pods.count == 5)
        #expect(snapshot.deployments.count == 4)
        #expect(snapshot.replicaSets.count == 5)
        #expect(snapshot.events.count == 44)
        #expect(snapshot.collected == [.pods, .deployments, .replicaSets, .events])
        #expect(snapshot.pods.allSatisfy { $0.metadata.namespace == "agentic-demo" })
    }

    @Test("events.k8s.io/v1 Lists read note, regarding and eventTime into the same Event shape")
    func eventsV1() throws {
        let snapshot = try load(Fixtures.capturedAPIPaths.appending(path: "apis/events.k8s.io/v1/namespaces/agentic-demo/events.json")).snapshot

        #expect(snapshot.collected == [.events])
        #expect(snapshot.events.count == 30)
        let first = try #require(snapshot.events.first)
        #expect(first.metadata.name == "alpine-app-6f55c5d7d8-nj25q.18ea268956bdfd87")
        #expect(first.regarding.name == "alpine-app-6f55c5d7d8-nj25q")
        #expect(!first.message.isEmpty, "the message comes from `note`")
        #expect(first.lastSeen != nil, "eventTime stands in for lastTimestamp")
        #expect(snapshot.events.allSatisfy { !$0.reason.isEmpty })
    }

    @Test("a YAML file with several documents (leading ---, a single object, typed Lists, an empty one)")
    func multiDocumentYAML() throws {
        let path = try workspace.write("snapshot.yaml", Self.multiDocumentYAML)

        let snapshot = try SnapshotLoader().load(path).snapshot

        #expect(snapshot.services.map(\.metadata.name) == ["web"])
        #expect(snapshot.services.first?.spec.selector == ["app": "web"])
        #expect(snapshot.nodes.map(\.metadata.name) == ["node-1"])
        #expect(snapshot.collected == [.services, .nodes, .jobs])
        #expect(snapshot.jobs.isEmpty)
        #expect(snapshot.referenceTime == Timestamp(rfc3339: "2026-11-21T19:38:40Z"))
    }

    @Test("empty YAML documents, such as after a trailing ---, are skipped as kubectl skips them")
    func trailingDocumentSeparator() throws {
        let path = try workspace.write("snapshot.yaml", Self.multiDocumentYAML + "---\n")

        let snapshot = try SnapshotLoader().load(path).snapshot

        #expect(snapshot.services.count == 1)
        #expect(snapshot.nodes.count == 1)
    }

    @Test("a cluster-info dump: per-namespace Lists, nodes, and logs.txt blocks as current logs")
    func clusterInfoDump() throws {
        let loaded = try load(Self.dump)
        let snapshot = loaded.snapshot

        #expect(snapshot.pods.count == 14)
        #expect(snapshot.nodes.count == 1)
        #expect(snapshot.events.count == 44 + 27 + 38)
        #expect(snapshot.collected.isSuperset(of: [.pods, .events, .deployments, .replicaSets, .services, .daemonSets, .nodes]))
        #expect(!snapshot.collected.contains(.endpointSlices), "the dump holds no EndpointSlices")
        #expect(loaded.skippedKinds == ["ReplicationController"])

        let memory = ContainerLogKey(namespace: "agentic-demo", pod: "memory-hungry-6478d69d96-mg7j2", container: "memory-hungry")
        #expect(snapshot.logs[memory]?.current == [
            "memory-hog: target allocation 300Mi (container limit 128Mi)",
            "allocated 32Mi", "allocated 64Mi", "allocated 96Mi", "allocated 128Mi",
        ])
        #expect(snapshot.logs[memory]?.previous == nil, "the dump has no previous logs")
        let mysql = ContainerLogKey(namespace: "agentic-demo", pod: "mysql-client-7c5999d768-76w5w", container: "mysql-client")
        #expect(snapshot.logs[mysql]?.current == [
            "MYSQL_HOST is: ", "MYSQL_ROOT_PASSWORD is: ", "ERROR: Missing required environment variables!",
        ])
        let cart = ContainerLogKey(namespace: "shop", pod: "cart-548998b548-g6fsm", container: "cart")
        #expect(snapshot.logs[cart]?.current?.first == "cart: starting (image redis:7.2)")
    }

    @Test("\"Request log error\" blocks of a cluster-info dump count as no log at all")
    func dumpLogErrors() throws {
        let snapshot = try load(Self.dump).snapshot

        for (pod, container) in [("web-server-59c44b768d-tm998", "web-server"), ("alpine-app-6f55c5d7d8-nj25q", "alpine-app")] {
            #expect(snapshot.logs[ContainerLogKey(namespace: "agentic-demo", pod: pod, container: container)] == nil)
        }
        #expect(!snapshot.logs.values.contains { $0.current?.contains { $0.hasPrefix("Request log error") } == true })
    }

    @Test("typed Lists count as collected even when empty (items [] or null)")
    func emptyTypedLists() throws {
        try workspace.write("snapshot/jobs.json", #"{"kind":"JobList","apiVersion":"batch/v1","metadata":{"resourceVersion":"5"},"items":[]}"#)
        try workspace.write("snapshot/daemonsets.json", #"{"kind":"DaemonSetList","apiVersion":"apps/v1","metadata":{"resourceVersion":"5"},"items":null}"#)

        let snapshot = try SnapshotLoader().load(workspace.path("snapshot")).snapshot

        #expect(snapshot.collected == [.jobs, .daemonSets])
        #expect(snapshot.jobs.isEmpty)
        #expect(snapshot.daemonSets.isEmpty)
    }

    @Test("the snapshot's clock is its newest timestamp, wherever it is")
    func referenceTimeIsNewest() throws {
        try workspace.write("snapshot/pods.json", Self.podList(created: "2026-11-21T19:00:00Z"))
        try workspace.write("snapshot/events.json", Self.eventList(lastSeen: "2026-11-21T19:45:30Z"))

        let snapshot = try SnapshotLoader().load(workspace.path("snapshot")).snapshot

        #expect(snapshot.referenceTime == Timestamp(rfc3339: "2026-11-21T19:45:30Z"))
        #expect(snapshot.collected == [.pods, .events])
    }

    // MARK: Errors

    @Test("a missing path → .notFound")
    func missingPath() throws {

        #expect(throws: SnapshotError.notFound(path: workspace.path("nope"))) {
            try SnapshotLoader().load(workspace.path("nope"))
        }
    }

    @Test("a field of the wrong type → .invalid naming the file and the coding path")
    func wrongType() throws {
        let path = try workspace.write("snapshot/pods.json", #"{"kind":"PodList","apiVersion":"v1","items":[{"metadata":{"name":["web"]},"spec":{},"status":{}}]}"#)

        let detail = try invalidDetail(loading: workspace.path("snapshot"), file: path)

        #expect(detail.contains("`items[0].metadata.name`"), "\(detail)")
    }

    @Test("broken JSON → .invalid naming the file")
    func brokenJSON() throws {
        let path = try workspace.write("pods.json", #"{"kind":"PodList","items":[{"#)

        let detail = try invalidDetail(loading: path, file: path)

        #expect(!detail.isEmpty)
    }

    @Test("a YAML syntax error → .invalid with its line and column")
    func brokenYAML() throws {
        let path = try workspace.write("pods.yaml", "apiVersion: v1\nkind: PodList\nitems:\n- metadata:\n    name: web\n   spec: {}\n")

        let detail = try invalidDetail(loading: path, file: path)

        #expect(detail.contains("line 6"), "\(detail)")
    }

    @Test("an empty folder, or one with nothing diagnose reads, → .empty")
    func emptyFolder() throws {
        try FileManager.default.createDirectory(atPath: workspace.path("empty"), withIntermediateDirectories: true)
        try workspace.write("unrelated/notes.json", #"{"hello":"world"}"#)

        #expect(throws: SnapshotError.empty(path: workspace.path("empty"))) {
            try SnapshotLoader().load(workspace.path("empty"))
        }
        #expect(throws: SnapshotError.empty(path: workspace.path("unrelated"))) {
            try SnapshotLoader().load(workspace.path("unrelated"))
        }
    }

    // MARK: Documents

    static let multiDocumentYAML = """
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: demo
        spec:
          type: ClusterIP
          selector:
            app: web
          ports:
          - port: 80
            protocol: TCP
            targetPort: 8080
        ---
        apiVersion: v1
        kind: NodeList
        metadata:
          resourceVersion: "1077"
        items:
        - apiVersion: v1
          kind: Node
          metadata:
            name: node-1
          status:
            conditions:
            - type: Ready
              status: "True"
              reason: KubeletReady
              lastHeartbeatTime: "2026-11-21T19:38:40Z"
              lastTransitionTime: "2026-11-21T19:20:00Z"
        ---
        apiVersion: batch/v1
        kind: JobList
        metadata:
          resourceVersion: "1077"
        items: []

        """

    static func podList(created: String) -> String {
        """
        {"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"10"},"items":[
          {"metadata":{"name":"web-1","namespace":"demo","creationTimestamp":"\(created)"},
           "spec":{"containers":[{"name":"web","image":"nginx:1.27"}]},
           "status":{"phase":"Pending"}}]}
        """
    }

    static func eventList(lastSeen: String) -> String {
        """
        {"kind":"EventList","apiVersion":"v1","metadata":{"resourceVersion":"11"},"items":[
          {"metadata":{"name":"web-1.1","namespace":"demo","creationTimestamp":"2026-11-21T19:00:01Z"},
           "involvedObject":{"kind":"Pod","namespace":"demo","name":"web-1"},
           "reason":"Scheduled","message":"Successfully assigned demo/web-1 to node-1",
           "firstTimestamp":"2026-11-21T19:00:01Z","lastTimestamp":"\(lastSeen)","count":1,"type":"Normal"}]}
        """
    }
}
