import Foundation
import HealKube
import HealModel
import HealProtobuf
import HealTestSupport
import InMemoryLogging
import Logging
import Testing

/// The client asks for protobuf where the narrow schema covers what it decodes, and reads
/// whatever the server answers: protobuf lists, watches and errors from the fake control
/// plane, JSON from a server that answers JSON.
@Suite("protobuf on the wire")
struct ProtobufWireTests {
    static let namespace = "mcp-failover-clean"

    static func client(_ cluster: FakeCluster, logger: Logger = Logger(label: "heal.kube.test")) -> KubeClient {
        KubeClient(connection: ClusterConnection(server: cluster.baseURL.absoluteString, origin: "fake cluster"), logger: logger)
    }

    /// A decoder that keeps what the narrow schema leaves out.
    struct WholeObject: Decodable, Sendable {
        struct Metadata: Decodable, Sendable { var name: String }
        var metadata: Metadata
    }

    @Test("a list of pods is asked for and read as protobuf; another decoder of pods asks for JSON")
    func list() async throws {
        let cluster = try FakeCluster.blueGreen(timing: .instant)
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "heal.kube.test") { _ in handler }
        logger.logLevel = .debug
        let client = Self.client(cluster, logger: logger)
        let path = "/api/v1/namespaces/\(Self.namespace)/pods"
        var pods: [Pod] = []
        try await client.list(.pods, as: Pod.self, namespace: Self.namespace) { pods += $0 }
        var whole: [WholeObject] = []
        try await client.list(.pods, as: WholeObject.self, namespace: Self.namespace) { whole += $0 }

        let accepts = cluster.server.requests(path: path).map { $0.header("Accept") ?? "" }
        #expect(accepts == ["application/vnd.kubernetes.protobuf, application/json", "application/json"])
        #expect(pods.count == 2)
        #expect(Set(pods.map(\.metadata.name)) == Set(whole.map(\.metadata.name)))
        // -vv says which wire answered each page.
        let lines = handler.entries.map { "\($0.message)" }.filter { $0.hasPrefix("list pods in namespace \(Self.namespace)") }
        #expect(lines.count == 2 && lines[0].hasSuffix("as protobuf") && lines[1].hasSuffix("as JSON"), "\(lines)")
        #expect(pods.allSatisfy { $0.status.phase == "Running" && $0.status.conditions.contains { $0.type == "Ready" && $0.status == "True" } })
    }

    @Test("a watch reads protobuf frames: the relist, then changes as they happen")
    func watch() async throws {
        let cluster = try FakeCluster.blueGreen(timing: .instant)
        let client = Self.client(cluster)
        var events = client.watch(.deployments, as: Deployment.self, namespace: Self.namespace).makeAsyncIterator()
        guard case .relisted(let deployments, _) = try await events.next() else {
            Issue.record("the watch did not start with a list")
            return
        }
        #expect(Set(deployments.map(\.metadata.name)) == ["web-blue", "web-green"])
        try cluster.mergePatch(at: "/apis/apps/v1/namespaces/\(Self.namespace)/deployments/web-green", json: #"{"spec":{"replicas":3}}"#)
        var scaled: Deployment?
        while scaled == nil, let event = try await events.next() {
            if case .modified(let deployment) = event, deployment.metadata.name == "web-green", deployment.spec.replicas == 3 { scaled = deployment }
        }
        #expect(scaled?.spec.replicas == 3)
        let watches = cluster.server.requests(path: "/apis/apps/v1/namespaces/\(Self.namespace)/deployments").filter { $0.query("watch") == "1" }
        #expect(watches.first?.header("Accept")?.hasPrefix(KubeProtobuf.mediaType) == true)
    }

    @Test("an error asked for as protobuf is a protobuf Status, read with its reason and code")
    func status() async throws {
        let cluster = try FakeCluster.blueGreen(timing: .instant)
        let client = Self.client(cluster)
        do {
            try await client.list(.pods, as: Pod.self, namespace: Self.namespace, labelSelector: "app in (") { _ in }
            Issue.record("a bad selector was accepted")
        } catch let error as KubeError {
            #expect(error.httpStatus == 400)
            #expect("\(error)".contains("unable to parse requirement"), "\(error)")
        }
    }
}

/// The captured rollout watch, re-encoded as the protobuf frames kube-apiserver sends for the
/// same events, served in chunks that cut frames anywhere.
@Suite("protobuf watch frames")
struct ProtobufWatchFrameTests {
    let server: FakeAPIServer
    init() throws { server = try FakeAPIServer.captured() }

    static let podsPath = "/api/v1/namespaces/agentic-demo/pods"

    static func frames() throws -> [Data] {
        try WatchStream.capturedLines().map { try ProtobufEncoder.watchFrame(json: Data($0.utf8), apiVersion: "v1", kind: "Pod") }
    }

    static func chunks(_ frames: [Data], size: Int) -> [Data] {
        let bytes = frames.reduce(Data(), +)
        return stride(from: 0, to: bytes.count, by: size).map { bytes.subdata(in: $0..<min($0 + size, bytes.count)) }
    }

    @Test("frames cut every 97 bytes yield the captured events in order; a connection dropped mid-frame resumes from the last version")
    func capturedStream() async throws {
        let frames = try Self.frames()
        let watch = KubeProtobuf.mediaType + ";stream=watch"
        // Three events, then half of the fourth's frame, then the connection drops.
        let cutShort = Self.chunks(Array(frames[0..<3]), size: 97) + [frames[3].prefix(frames[3].count / 2)]
        server.script(path: Self.podsPath, query: ["watch": "1"], responses: [
            .binaryStream(contentType: watch, chunks: cutShort, pause: .zero, end: .drop),
            .binaryStream(contentType: watch, chunks: Self.chunks(Array(frames[3...]), size: 97), pause: .zero, end: .holdOpen),
        ])

        let events = try await WatchStream.first(7, of: TestClients.client(server).watch(.pods, as: Pod.self, namespace: "agentic-demo", from: "998"))

        #expect(events == WatchTests.capturedEvents)
        let requests = server.requests(path: Self.podsPath)
        #expect(requests.map { $0.query("resourceVersion") } == ["998", "1005"])
        #expect(requests.allSatisfy { $0.header("Accept")?.hasPrefix(KubeProtobuf.mediaType) == true })
    }
}
