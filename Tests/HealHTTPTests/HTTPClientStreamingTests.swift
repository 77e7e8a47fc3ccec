import Foundation
import HealHTTP
import HealTestSupport
import Testing

@Suite("HTTPClient streams bodies as they arrive and aborts when the reader stops", .timeLimit(.minutes(1)))
struct HTTPClientStreamingTests {
    let server: FakeAPIServer
    let client = HTTPClient()
    let watchPath = "/api/v1/namespaces/agentic-demo/pods"

    init() throws {
        server = try FakeAPIServer.captured()
    }

    private var watchRequest: HTTPRequest {
        HTTPRequest(url: server.baseURL.absoluteString + watchPath + "?watch=true", timeout: nil)
    }

    /// Opens the stream and returns its first chunk, dropping the stream on the way out.
    private func firstChunk() async throws -> Data? {
        let response = try await client.stream(watchRequest)
        for try await chunk in response.body {
            return chunk
        }
        return nil
    }

    @Test("a whole stream arrives in order, split mid-line as the server sent it")
    func wholeStream() async throws {
        let events = try Fixtures.text("k8s-v1.36/watch/agentic-demo-pods-rollout.ndjson")
        let third = events.count / 3
        let chunks = [String(events.prefix(third)), String(events.dropFirst(third).prefix(third)), String(events.dropFirst(2 * third))]
        server.script(path: watchPath, query: ["watch": "true"], responses: [
            .stream(chunks: chunks, pause: .milliseconds(50), end: .finish)
        ])

        let response = try await client.stream(watchRequest)
        #expect(response.status == 200)
        #expect(response.headers.value(for: "transfer-encoding") == "chunked")
        var received = Data()
        var deliveries = 0
        for try await chunk in response.body {
            received += chunk
            deliveries += 1
        }
        #expect(String(decoding: received, as: UTF8.self) == events)
        #expect(deliveries >= chunks.count)
    }

    @Test("the first chunk is delivered while the server still holds the stream open")
    func firstChunkBeforeEnd() async throws {
        let bookmark = #"{"type":"BOOKMARK","object":{"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"1234"}}}"# + "\n"
        server.script(path: watchPath, query: ["watch": "true"], responses: [
            .stream(chunks: [bookmark], pause: .zero, end: .holdOpen)
        ])

        let chunk = try await firstChunk()
        #expect(chunk == Data(bookmark.utf8))
    }

    @Test("returning from the loop closes the held-open stream promptly")
    func breakingOutAborts() async throws {
        server.script(path: watchPath, query: ["watch": "true"], responses: [
            .stream(chunks: [#"{"type":"ADDED"}"# + "\n"], pause: .zero, end: .holdOpen)
        ])
        let connections = { try LoopbackSockets.serverConnections(port: server.port) }

        let openWhileReading = try await { [client, watchRequest] in
            let response = try await client.stream(watchRequest)
            for try await _ in response.body { return try connections() }
            return -1
        }()
        // As below: the stream's own connection, plus any retried connect a loaded runner left
        // open (seen once: 5). What matters is that leaving the loop closes every one of them.
        #expect(openWhileReading >= 1)
        #expect(try await LoopbackSockets.eventually(within: .seconds(60)) { try connections() == 0 })
    }

    @Test("cancelling the reading task closes the held-open stream promptly")
    func cancellingAborts() async throws {
        server.script(path: watchPath, query: ["watch": "true"], responses: [
            .stream(chunks: [#"{"type":"ADDED"}"# + "\n", #"{"type":"MODIFIED"}"# + "\n"], pause: .milliseconds(10), end: .holdOpen)
        ])
        let connections = { try LoopbackSockets.serverConnections(port: server.port) }
        let (arrivals, arrival) = AsyncStream<Int>.makeStream()
        let request = watchRequest
        let reader = Task { [client] in
            let response = try await client.stream(request)
            var total = 0
            for try await chunk in response.body {
                total += chunk.count
                arrival.yield(total)
            }
            return total
        }
        for await _ in arrivals { break }
        // At least the stream's own connection; a loaded runner may have left a retried
        // connect attempt open too. What matters is that cancelling closes every one of them.
        #expect(try connections() >= 1)

        reader.cancel()
        let outcome = await reader.result
        #expect(try await LoopbackSockets.eventually(within: .seconds(60)) { try connections() == 0 })
        if case .failure(let error) = outcome {
            #expect(error as? HTTPError == .cancelled(url: request.url))
        }
    }

    @Test("cancelling while waiting for the response head gives cancelled")
    func cancelBeforeHead() async throws {
        server.script(path: watchPath, query: ["watch": "true"], responses: [.delayed(.seconds(20), .json("{}"))])
        let request = watchRequest
        let opener = Task { [client] in try await client.stream(request) }
        #expect(try await LoopbackSockets.eventually(within: .seconds(60)) { server.requests.count == 1 })

        opener.cancel()
        let outcome = await opener.result
        guard case .failure(let error) = outcome else {
            Issue.record("the stream opened although the task was cancelled")
            return
        }
        #expect(error as? HTTPError == .cancelled(url: request.url))
    }

    @Test("a stream the server drops mid-way ends with connectionLost")
    func droppedStream() async throws {
        server.script(path: watchPath, query: ["watch": "true"], responses: [
            .stream(chunks: [#"{"type":"ADDED","obj"#], pause: .zero, end: .drop)
        ])
        let response = try await client.stream(watchRequest)
        var received = Data()
        let error = await #expect(throws: HTTPError.self) {
            for try await chunk in response.body { received += chunk }
        }
        #expect(received == Data(#"{"type":"ADDED","obj"#.utf8))
        #expect(error?.kind == .connectionLost)
        #expect(error?.url == watchRequest.url)
    }

    @Test("an error status is returned as a stream with the server's Status body")
    func errorStatusStream() async throws {
        server.script(path: watchPath, query: ["watch": "true"], responses: [.fixtureStatus("403-forbidden-list-deployments")])
        let response = try await client.stream(watchRequest)
        var received = Data()
        for try await chunk in response.body { received += chunk }
        #expect(response.status == 403)
        #expect(received == (try Fixtures.statusBody("403-forbidden-list-deployments").body))
    }
}
