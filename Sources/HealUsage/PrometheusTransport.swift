import Foundation

/// How Prometheus HTTP API requests reach the server: straight to a URL, or through the API
/// server's service proxy. Both answer GETs of API paths such as `/api/v1/query`.
package protocol PrometheusTransport: Sendable {
    /// Where requests go, for messages: "http://127.0.0.1:9090" or
    /// "service monitoring/prometheus-server:http (through the API server's proxy)".
    var endpointDescription: String { get }
    /// GET `path` (e.g. "/api/v1/query") with these query parameters; the body of a 2xx or of a
    /// Prometheus error answer (400/422/503 carry `{"status":"error",…}`), else a `UsageError`.
    func get(path: String, query: [URLQueryItem]) async throws(UsageError) -> PrometheusHTTPAnswer
}

/// A raw answer: status code and body.
package struct PrometheusHTTPAnswer: Sendable {
    package var status: Int
    package var body: Data

    package init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}
