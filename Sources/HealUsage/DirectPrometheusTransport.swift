import Foundation
import HealHTTP

/// Talks to Prometheus at a URL (`--prometheus-url`) over HealHTTP, with the connection's
/// credentials, headers and TLS material. Queries are reads: one answered 429 or 5xx, or whose
/// connection dropped, is sent again after a backoff (the server's `Retry-After` when it gives
/// one), up to the policy's attempts; the last answer is the one judged.
package struct DirectPrometheusTransport: PrometheusTransport {
    package let connection: PrometheusConnection
    private let client: HTTPClient
    private let retry: RetryPolicy

    package init(connection: PrometheusConnection, client: HTTPClient = HTTPClient(), retry: RetryPolicy = .standard) {
        self.connection = connection
        self.client = client
        self.retry = retry
    }

    package var endpointDescription: String { connection.url }

    /// Errors name `<base URL><path>` (the query string is left out: it repeats the PromQL,
    /// which the query errors carry on their own).
    package func get(path: String, query: [URLQueryItem]) async throws(UsageError) -> PrometheusHTTPAnswer {
        let endpoint = connection.url + path
        let request = HTTPRequest(
            url: query.isEmpty ? endpoint : "\(endpoint)?\(query.formEncoded)",
            headers: requestHeaders, timeout: connection.timeout, tls: connection.tls)
        var attempt = 1
        var response: HTTPResponse
        while true {
            do {
                response = try await client.send(request)
            } catch {
                guard attempt < retry.maxAttempts, retry.shouldRetry(error, idempotent: true) else {
                    throw .prometheusUnreachable(endpoint: endpoint, reason: Self.reason(error))
                }
                try await pause(beforeAttempt: attempt, retryAfter: nil, endpoint: endpoint)
                attempt += 1
                continue
            }
            let retryAfter = response.headers.value(for: "Retry-After")
            guard attempt < retry.maxAttempts, retry.shouldRetry(status: response.status, idempotent: true, hasRetryAfter: retryAfter != nil) else { break }
            try await pause(beforeAttempt: attempt, retryAfter: retryAfter, endpoint: endpoint)
            attempt += 1
        }
        if response.status == 401 || response.status == 403 {
            throw .prometheusUnauthorized(endpoint: endpoint, status: response.status)
        }
        return PrometheusHTTPAnswer(status: response.status, body: response.body)
    }

    private func pause(beforeAttempt attempt: Int, retryAfter: String?, endpoint: String) async throws(UsageError) {
        do {
            try await Task.sleep(for: retry.delay(beforeAttempt: attempt, retryAfter: retryAfter))
        } catch {
            throw .prometheusUnreachable(endpoint: endpoint, reason: "cancelled")
        }
    }

    private var requestHeaders: [HTTPHeader] {
        var headers = [HTTPHeader("Accept", "application/json")] + connection.headers
        switch connection.authentication {
        case .bearer(let token):
            headers.append(HTTPHeader("Authorization", "Bearer \(token.value)"))
        case .basic(let user, let password):
            let credentials = Data("\(user):\(password.value)".utf8).base64EncodedString()
            headers.append(HTTPHeader("Authorization", "Basic \(credentials)"))
        case nil:
            break
        }
        return headers
    }

    /// The transport failure without the URL, which the error already names.
    private static func reason(_ error: HTTPError) -> String {
        switch error {
        case .unreachable(_, let detail): detail
        case .tlsFailure(_, let detail): "TLS failure: \(detail)"
        case .timedOut(_, let after): after.map { "no answer within \($0.formattedSeconds)" } ?? "timed out"
        case .connectionLost(_, let detail): "connection lost: \(detail)"
        case .cancelled: "cancelled"
        case .invalidRequest(_, let detail): detail
        }
    }
}
