import Foundation
import HealHTTP

/// Talks to Prometheus at a URL (`--prometheus-url`) over HealHTTP, with the connection's
/// credentials, headers and TLS material.
package struct DirectPrometheusTransport: PrometheusTransport {
    package let connection: PrometheusConnection
    private let client: HTTPClient

    package init(connection: PrometheusConnection, client: HTTPClient = HTTPClient()) {
        self.connection = connection
        self.client = client
    }

    package var endpointDescription: String { connection.url }

    /// Errors name `<base URL><path>` (the query string is left out: it repeats the PromQL,
    /// which the query errors carry on their own).
    package func get(path: String, query: [URLQueryItem]) async throws(UsageError) -> PrometheusHTTPAnswer {
        let endpoint = connection.url + path
        let request = HTTPRequest(
            url: query.isEmpty ? endpoint : "\(endpoint)?\(query.formEncoded)",
            headers: requestHeaders, timeout: connection.timeout, tls: connection.tls)
        let response: HTTPResponse
        do {
            response = try await client.send(request)
        } catch {
            throw .prometheusUnreachable(endpoint: endpoint, reason: Self.reason(error))
        }
        if response.status == 401 || response.status == 403 {
            throw .prometheusUnauthorized(endpoint: endpoint, status: response.status)
        }
        return PrometheusHTTPAnswer(status: response.status, body: response.body)
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
