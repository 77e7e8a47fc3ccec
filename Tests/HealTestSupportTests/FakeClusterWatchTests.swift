import Foundation
import HealTestSupport
import Testing

@Suite("FakeCluster streams watches like kube-apiserver")
struct FakeClusterWatchTests {
    static let namespace = "/api/v1/namespaces/mcp-failover-clean"
    static let greenDeployment = "/apis/apps/v1/namespaces/mcp-failover-clean/deployments/web-green"

    let cluster: FakeCluster
    let client: HTTPTestClient

    init() throws {
        cluster = try FakeCluster.blueGreen()
        client = try HTTPTestClient(port: cluster.server.port)
    }

    @Test("a watch from a resourceVersion sees a new pod created Pending, scheduled, then Running")
    func liveEvents() throws {
        let version = try client.request("\(Self.namespace)/pods").json()["metadata"]?["resourceVersion"]?.string
        try client.send("\(Self.namespace)/pods?watch=1&resourceVersion=\(try #require(version))")
        #expect(try client.readHead().status == 200)

        try cluster.mergePatch(at: Self.greenDeployment, json: #"{"spec":{"replicas":1}}"#)
        let first = try event(client.readChunk())
        #expect(first["type"] == .string("ADDED"))
        #expect(first["object"]?["kind"] == .string("Pod"))
        #expect(first["object"]?["status"]?["phase"] == .string("Pending"))
        let scheduled = try event(client.readChunk())
        #expect(scheduled["type"] == .string("MODIFIED"))
        #expect(scheduled["object"]?["status"]?["phase"] == .string("Pending"))
        #expect(scheduled["object"]?["status"]?["conditions"]?[0]?["type"] == .string("PodScheduled"))
        let started = try event(client.readChunk())
        #expect(started["type"] == .string("MODIFIED"))
        #expect(started["object"]?["status"]?["phase"] == .string("Running"))
        #expect(started["object"]?["metadata"]?["name"] == first["object"]?["metadata"]?["name"])
    }

    @Test("a resourceVersion older than the history gets the 410 ERROR event and the stream ends")
    func tooOld() throws {
        let response = try client.request("\(Self.namespace)/pods?watch=true&resourceVersion=1")
        #expect(response.status == 200)
        #expect(response.chunks?.count == 1)
        #expect(response.text == #"{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"#
            + #""status":"Failure","message":"too old resource version: 1 (970)","reason":"Expired","code":410}}"#
            + "\n")
    }

    @Test("without a resourceVersion the watch starts with ADDED for the current objects and ends at timeoutSeconds")
    func initialEventsAndTimeout() throws {
        let started = ContinuousClock.now
        let response = try client.request(
            "\(Self.namespace)/services?watch=1&labelSelector=version&timeoutSeconds=1&allowWatchBookmarks=true")
        #expect(ContinuousClock.now - started >= .seconds(1))
        let events = try (response.chunks ?? []).map { try JSON(data: $0) }
        #expect(events.compactMap { $0["type"]?.string } == ["ADDED", "ADDED", "BOOKMARK"])
        #expect(events.compactMap { $0["object"]?["metadata"]?["name"]?.string } == ["web-blue", "web-green"])
        #expect(events.last?["object"]?["metadata"]?["resourceVersion"] == .string("970"))
    }

    @Test("an object that starts or stops matching the selector arrives as ADDED or DELETED")
    func selectorTransitions() throws {
        try client.send("\(Self.namespace)/services?watch=1&resourceVersion=970&labelSelector=version%3Dblue")
        _ = try client.readHead()
        try cluster.mergePatch(at: "\(Self.namespace)/services/web-green", json: #"{"metadata":{"labels":{"version":"blue"}}}"#)
        let added = try event(client.readChunk())
        #expect(added["type"] == .string("ADDED"))
        #expect(added["object"]?["metadata"]?["name"] == .string("web-green"))

        try cluster.mergePatch(at: "\(Self.namespace)/services/web-blue", json: #"{"metadata":{"labels":{"version":"old"}}}"#)
        let deleted = try event(client.readChunk())
        #expect(deleted["type"] == .string("DELETED"))
        #expect(deleted["object"]?["metadata"]?["labels"]?["version"] == .string("blue"))
    }

    @Test("stopping the cluster ends an open watch")
    func stopEndsWatch() throws {
        try client.send("\(Self.namespace)/pods?watch=1")
        _ = try client.readHead()
        _ = try client.readChunk()
        _ = try client.readChunk()
        cluster.stop()
        #expect(throws: HTTPTestClient.Failure.self) { try client.readChunk() }
    }

    private func event(_ chunk: Data?) throws -> JSON {
        try JSON(data: #require(chunk))
    }
}
