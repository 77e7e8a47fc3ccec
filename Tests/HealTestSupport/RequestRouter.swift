import Foundation
import Synchronization

/// Decides what each request gets — the 401 of `requireAuthorization`, then the first matching
/// script, then the backend (fixtures or a fake cluster) — and records every request on the way in.
final class RequestRouter: Sendable {
    let backend: any RequestBackend
    private let state = Mutex(State())

    private struct State {
        var requests: [RecordedRequest] = []
        var scripts: [ResponseScript] = []
        var requiredAuthorization: String?
    }

    init(backend: any RequestBackend) {
        self.backend = backend
    }

    var requests: [RecordedRequest] { state.withLock { $0.requests } }

    func add(_ script: ResponseScript) {
        state.withLock { $0.scripts.append(script) }
    }

    func requireAuthorization(_ value: String?) {
        state.withLock { $0.requiredAuthorization = value }
    }

    func response(for request: RecordedRequest) -> ScriptedResponse {
        state.withLock { state in
            state.requests.append(request)
            if let required = state.requiredAuthorization, request.header("authorization") != required {
                return .fixtureStatus("401-bad-token")
            }
            guard let index = state.scripts.firstIndex(where: { $0.matches(request) }) else { return .fixture }
            let response = state.scripts[index].remaining.removeFirst()
            if state.scripts[index].remaining.isEmpty { state.scripts.remove(at: index) }
            return response
        }
    }

    /// The complete response for a plain `ScriptedResponse`; nil for the ones that act on the
    /// connection (delay, drop, truncation, stream) and for a backend's live stream.
    func render(_ response: ScriptedResponse, for request: RecordedRequest) -> WireResponse? {
        switch response {
        case .reply(let status, let headers, let body):
            return WireResponse(status: status, headers: headers, body: body)
        case .fixture:
            guard case .complete(let wire) = backend.respond(to: request) else { return nil }
            return wire
        case .fixtureStatus(let name):
            do {
                let fixture = try Fixtures.statusBody(name)
                return WireResponse(status: fixture.httpCode, contentType: "application/json", body: fixture.body)
            } catch {
                return .json(KubeStatus.body(
                    code: 500, reason: "InternalError", message: "FakeAPIServer: status fixture \(name): \(error)"),
                    status: 500)
            }
        case .status(let code, let reason, let message):
            return .json(KubeStatus.body(code: code, reason: reason, message: message), status: code)
        case .retryAfter(let code, let seconds):
            let (reason, message) = code == 429
                ? ("TooManyRequests", "Too many requests, please try again later.")
                : ("ServiceUnavailable", "the server is currently unable to handle the request")
            var wire = WireResponse.json(
                KubeStatus.body(
                    code: code, reason: reason, message: message,
                    details: [.init(key: "retryAfterSeconds", value: .number(String(seconds)))]),
                status: code)
            wire.headers.append(("Retry-After", String(seconds)))
            return wire
        case .delayed, .answeredLate, .dropConnection, .truncated, .stream, .binaryStream:
            return nil
        }
    }
}
