import Foundation
import HealUsage
import Synchronization

/// Records the queries sent through it and the most that were in flight at once. It passes them
/// on to `inner`, or without one answers each with an empty vector after a short pause.
final class RecordingTransport: PrometheusTransport {
    private let inner: (any PrometheusTransport)?
    private let state = Mutex(State())

    private struct State {
        var queries: [String] = []
        var inFlight = 0
        var mostInFlight = 0
    }

    init(wrapping inner: (any PrometheusTransport)? = nil) {
        self.inner = inner
    }

    var endpointDescription: String { inner?.endpointDescription ?? "recording transport" }
    var queries: [String] { state.withLock { $0.queries } }
    var mostInFlight: Int { state.withLock { $0.mostInFlight } }

    func get(path: String, query: [URLQueryItem]) async throws(UsageError) -> PrometheusHTTPAnswer {
        state.withLock { state in
            state.queries.append(query.first { $0.name == "query" }?.value ?? "")
            state.inFlight += 1
            state.mostInFlight = max(state.mostInFlight, state.inFlight)
        }
        defer { state.withLock { $0.inFlight -= 1 } }
        if let inner {
            return try await inner.get(path: path, query: query)
        }
        // Long enough for the namespaces' queries to overlap when they may.
        do { try await Task.sleep(for: .milliseconds(5)) } catch { /* cancelled: answer at once */ }
        return PrometheusHTTPAnswer(status: 200, body: Data(#"{"status":"success","data":{"resultType":"vector","result":[]}}"#.utf8))
    }
}
