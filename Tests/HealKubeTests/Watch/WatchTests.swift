import Foundation
import HealKube
import HealModel
import HealTestSupport
import Testing

/// `KubeClient.watch`: the captured rollout stream decoded in order, resumption from the last
/// resourceVersion, relisting on 410 Gone (as an HTTP status and as an in-stream ERROR event),
/// refusal and cancellation.
@Suite("watch")
struct WatchTests {
    let server: FakeAPIServer  // a fresh one per test, stopped when the test ends
    init() throws { server = try FakeAPIServer.captured() }

    static let podsPath = "/api/v1/namespaces/agentic-demo/pods"
    static let watchQuery = ["watch": "1"]

    /// What the captured stream holds, in order.
    static let capturedEvents = [
        "ADDED mysql-client-7577645b4d-n4r5g 999",
        "MODIFIED mysql-client-7577645b4d-n4r5g 1001",
        "MODIFIED mysql-client-7577645b4d-n4r5g 1005",
        "MODIFIED mysql-client-7c5999d768-fngbb 1016",
        "MODIFIED mysql-client-7c5999d768-fngbb 1023",
        "DELETED mysql-client-7c5999d768-fngbb 1024",
        "BOOKMARK 1024",
    ]

    @Test("the captured stream's ADDED, MODIFIED, DELETED and BOOKMARK events arrive decoded, in order")
    func capturedStream() async throws {
        server.script(path: Self.podsPath, query: Self.watchQuery, responses: [
            .stream(chunks: try WatchStream.capturedLines(), pause: .zero, end: .holdOpen)
        ])

        let events = try await WatchStream.first(7, of: watch(from: "998"))

        #expect(events == Self.capturedEvents)
        let requests = server.requests(path: Self.podsPath)
        #expect(requests.count == 1, "a watch given a resourceVersion does not list first")
        let request = try #require(requests.first)
        #expect(request.query("watch") == "1")
        #expect(request.query("resourceVersion") == "998")
        #expect(request.query("allowWatchBookmarks") == "true")
        #expect(request.query("timeoutSeconds") == "300")
    }

    @Test("chunks that split JSON lines mid-line (and a last line without a newline) yield the same events")
    func splitChunks() async throws {
        var text = try WatchStream.capturedLines().joined()
        text.removeLast()  // the final event ends without "\n" when the stream finishes
        let chunks = stride(from: 0, to: text.utf8.count, by: 97).map { offset in
            String(decoding: Array(text.utf8)[offset..<min(offset + 97, text.utf8.count)], as: UTF8.self)
        }
        server.script(path: Self.podsPath, query: Self.watchQuery, responses: [
            .stream(chunks: chunks, pause: .zero, end: .finish),
            .stream(chunks: [], pause: .zero, end: .holdOpen),
        ])

        let events = try await WatchStream.first(7, of: watch(from: "998"))

        #expect(chunks.count > 7)
        #expect(events == Self.capturedEvents)
    }

    @Test("without a resourceVersion the watch lists first (.relisted) and watches from the list's version")
    func listsFirst() async throws {
        server.script(path: Self.podsPath, query: Self.watchQuery, responses: [
            .stream(chunks: try WatchStream.capturedLines(), pause: .zero, end: .holdOpen)
        ])

        let events = try await WatchStream.first(2, of: watch(from: nil))

        #expect(events == ["RELISTED 4 951", "ADDED mysql-client-7577645b4d-n4r5g 999"])
        let requests = server.requests(path: Self.podsPath)
        #expect(requests.count == 2)
        #expect(requests.first?.query("watch") == nil)
        #expect(requests.last?.query("watch") == "1")
        #expect(requests.last?.query("resourceVersion") == "951")
    }

    @Test("when the server ends the stream the watch resumes from the last resourceVersion seen (the BOOKMARK's)")
    func resumesAfterServerEnd() async throws {
        let lines = try WatchStream.capturedLines()
        // Three object events (last at 1005), then the bookmark (1024), then the server closes.
        let first = Array(lines[0..<3]) + [lines[6]]
        server.script(path: Self.podsPath, query: Self.watchQuery, responses: [
            .stream(chunks: first, pause: .zero, end: .finish),
            .stream(chunks: Array(lines[3..<6]), pause: .zero, end: .holdOpen),
        ])

        let events = try await WatchStream.first(7, of: watch(from: "998"))

        #expect(events == Array(Self.capturedEvents[0..<3]) + ["BOOKMARK 1024"] + Array(Self.capturedEvents[3..<6]))
        let versions = server.requests(path: Self.podsPath).map { $0.query("resourceVersion") }
        #expect(versions == ["998", "1024"])
    }

    @Test("a watch connection dropped mid-stream is resumed from the last object's resourceVersion")
    func resumesAfterDrop() async throws {
        let lines = try WatchStream.capturedLines()
        server.script(path: Self.podsPath, query: Self.watchQuery, responses: [
            .stream(chunks: Array(lines[0..<3]), pause: .zero, end: .drop),
            .stream(chunks: Array(lines[3..<7]), pause: .zero, end: .holdOpen),
        ])

        let events = try await WatchStream.first(7, of: watch(from: "998"))

        #expect(events == Self.capturedEvents)
        #expect(server.requests(path: Self.podsPath).map { $0.query("resourceVersion") } == ["998", "1005"])
    }

    @Test("an ERROR event with code 410 (the captured \"too old resource version\") → relist, then watch from the new version")
    func expiredEventRelists() async throws {
        let lines = try WatchStream.capturedLines()
        let expired = String(decoding: try Fixtures.statusBody("410-watch-too-old-resourceversion").body, as: UTF8.self) + "\n"
        server.script(path: Self.podsPath, query: Self.watchQuery, responses: [
            .stream(chunks: Array(lines[0..<2]) + [expired], pause: .zero, end: .finish),
            .stream(chunks: [lines[6]], pause: .zero, end: .holdOpen),
        ])

        let events = try await WatchStream.first(4, of: watch(from: "1"))

        #expect(events == Array(Self.capturedEvents[0..<2]) + ["RELISTED 4 951", "BOOKMARK 1024"])
        let requests = server.requests(path: Self.podsPath)
        #expect(requests.map { $0.query("watch") } == ["1", nil, "1"])
        #expect(requests.map { $0.query("resourceVersion") } == ["1", nil, "951"])
    }

    @Test("an HTTP 410 Gone answer to the watch → relist, then watch from the new version")
    func httpGoneRelists() async throws {
        server.script(path: Self.podsPath, query: Self.watchQuery, responses: [
            .status(code: 410, reason: "Expired", message: "too old resource version: 1 (392)"),
            .stream(chunks: [try WatchStream.capturedLines()[0]], pause: .zero, end: .holdOpen),
        ])

        let events = try await WatchStream.first(2, of: watch(from: "1"))

        #expect(events == ["RELISTED 4 951", "ADDED mysql-client-7577645b4d-n4r5g 999"])
        #expect(server.requests(path: Self.podsPath).map { $0.query("resourceVersion") } == ["1", nil, "951"])
    }

    @Test("a 403 ends the stream with KubeError.status 403 naming the watch")
    func forbiddenEnds() async throws {
        server.script(path: "/api/v1/pods", query: Self.watchQuery, responses: [.fixtureStatus("403-forbidden-list-pods-cluster")])
        let stream = TestClients.client(server).watch(.pods, as: Pod.self, namespace: nil, from: "998")

        let error = try await #require(throws: KubeError.self) {
            for try await _ in stream {}
        }

        #expect(error.httpStatus == 403)
        #expect(error.apiStatus?.reason == "Forbidden")
        #expect(error.request.description == "watch pods at cluster scope")
        #expect(server.requests.count == 1)
    }

    @Test("an in-stream ERROR other than 410 (a 500) is transient: the watch resumes from the last version seen")
    func errorEventResumes() async throws {
        let lines = try WatchStream.capturedLines()
        let failure = #"{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"internal error","reason":"InternalError","code":500}}"# + "\n"
        server.script(path: Self.podsPath, query: Self.watchQuery, responses: [
            .stream(chunks: [lines[0], failure], pause: .zero, end: .holdOpen),
            .stream(chunks: [lines[1]], pause: .zero, end: .holdOpen),
        ])

        let events = try await WatchStream.first(2, of: watch(from: "998"))

        #expect(events == Array(Self.capturedEvents[0..<2]))
        #expect(server.requests(path: Self.podsPath).map { $0.query("resourceVersion") } == ["998", "999"])
    }

    @Test("cancelling the consuming task ends the watch promptly, without another request")
    func cancellation() async throws {
        server.script(path: Self.podsPath, query: Self.watchQuery, responses: [
            .stream(chunks: [try WatchStream.capturedLines()[0]], pause: .zero, end: .holdOpen)
        ])
        let stream = watch(from: "998")
        let (received, signal) = AsyncStream.makeStream(of: Void.self)
        let consumer = Task {
            var count = 0
            for try await _ in stream {
                count += 1
                signal.yield()
            }
            return count
        }
        for await _ in received { break }

        consumer.cancel()
        let ended = try await WatchStream.within(.seconds(60)) { try await consumer.value }

        #expect(ended == 1, "the consumer ended after cancellation, having seen the one event")
        #expect(server.requests(path: Self.podsPath).count == 1)
    }

    private func watch(from version: String?) -> AsyncThrowingStream<WatchEvent<Pod>, any Error> {
        TestClients.client(server).watch(.pods, as: Pod.self, namespace: "agentic-demo", from: version)
    }
}
