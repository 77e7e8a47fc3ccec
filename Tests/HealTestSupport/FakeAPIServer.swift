import Foundation
import Synchronization

/// A Kubernetes API server stand-in on 127.0.0.1 (HTTP/1.1, keep-alive) for tests: it serves a
/// fixture tree laid out by URL path, plays scripted responses (errors, throttling, slow or
/// dropped connections, watch streams) and records every request.
///
/// ```swift
/// let server = try FakeAPIServer(fixtureRoot: Fixtures.scenario("crashloop-oom"))
/// defer { server.stop() }
/// server.script(method: "GET", path: "/apis/apps/v1/namespaces/demo/deployments",
///               responses: [.retryAfter(code: 429, seconds: 1), .fixture])
/// // … point the code under test at server.baseURL …
/// #expect(server.requests(path: "/apis/apps/v1/namespaces/demo/deployments").count == 2)
/// ```
package final class FakeAPIServer: Sendable {
    package let port: UInt16
    /// `http://127.0.0.1:<port>`
    package let baseURL: URL
    private let router: RequestRouter
    /// The listener while the server listens; nil between `stopListening()` and
    /// `startListening()`, and after `stop()`.
    private let listener: Mutex<SocketListener?>
    private let stopped = Mutex(false)

    /// Starts listening on an ephemeral port. `fixtureRoot` holds `<url path>.json` files (nil
    /// serves only scripts and 404s); `logsDirectory` defaults to `<fixtureRoot>/logs`.
    package convenience init(fixtureRoot: URL?, logsDirectory: URL? = nil) throws {
        let logs = logsDirectory ?? fixtureRoot?.appending(path: "logs", directoryHint: .isDirectory)
        try self.init(backend: FixtureResponder(root: fixtureRoot, logs: logs.map(LogFixtures.init)))
    }

    /// Starts listening with `backend` answering what no script claims (`FakeCluster` uses this).
    init(backend: any RequestBackend) throws {
        let router = RequestRouter(backend: backend)
        let listener = try Self.listen(router: router, port: 0)
        self.listener = Mutex(listener)
        self.router = router
        port = listener.port
        baseURL = URL(string: "http://127.0.0.1:\(listener.port)")!
    }

    private static func listen(router: RequestRouter, port: UInt16) throws -> SocketListener {
        try SocketListener(port: port) { descriptor, listener in
            ConnectionSession(router: router, listener: listener).serve(descriptor)
        }
    }

    /// A server for the responses captured from a real v1.36 cluster (`Fixtures.captured`).
    package static func captured() throws -> FakeAPIServer {
        try FakeAPIServer(fixtureRoot: Fixtures.capturedAPIPaths, logsDirectory: Fixtures.capturedLogs)
    }

    deinit { stop() }

    /// Stops accepting, cuts open connections (including held-open streams) and waits for the
    /// server's threads to finish, for good. Idempotent.
    package func stop() {
        stopped.withLock { $0 = true }
        stopListening()
    }

    /// Like `stop()`, but `startListening()` can listen again: connections are refused
    /// meanwhile, and open ones (watch streams too) end without a final chunk.
    package func stopListening() {
        listener.withLock { $0.take() }?.stop()
    }

    /// Listens again on the same port, with scripts and recorded requests kept. Does nothing
    /// while listening; throws after `stop()` or when the port cannot be bound again.
    package func startListening() throws {
        guard !stopped.withLock({ $0 }) else { throw SocketListener.SocketError(call: "startListening after stop", code: EBADF) }
        try listener.withLock { current in
            if current == nil { current = try Self.listen(router: router, port: port) }
        }
    }

    /// Queues `responses` for requests with this method and path (no query) whose query carries
    /// every `query` pair; each request consumes one, in order, and later ones fall through to
    /// the fixtures. The earliest script with responses left wins.
    package func script(
        method: String = "GET", path: String, query: [String: String] = [:], responses: [ScriptedResponse]
    ) {
        guard !responses.isEmpty else { return }
        router.add(ResponseScript(method: method, path: path, query: query, remaining: responses))
    }

    /// Answers 401 (the captured `errors/401-bad-token.txt`) to every request whose
    /// `Authorization` header is not exactly `value`; nil accepts everything again.
    package func requireAuthorization(_ value: String?) {
        router.requireAuthorization(value)
    }

    /// Every request received so far, in arrival order.
    package var requests: [RecordedRequest] { router.requests }

    /// The requests for `path` (query ignored), optionally only those with `method`.
    package func requests(path: String, method: String? = nil) -> [RecordedRequest] {
        requests.filter { $0.path == path && (method == nil || $0.method == method) }
    }
}
