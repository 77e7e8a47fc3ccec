/// What the metrics endpoint answers: `GET /metrics` (and `HEAD`); `/healthz` (the process
/// answers) and `/readyz` (503 until the watcher's informers have listed) for a Deployment's
/// probes; 404 elsewhere, 405 for other methods, 400 for what is not HTTP/1.x. Always
/// `Connection: close`.
struct MetricsResponse {
    var status: Int
    var reason: String
    var contentType = "text/plain; charset=utf-8"
    var extraHeaders: [(String, String)] = []
    var body: String
    /// False for HEAD: the headers describe the body that GET would send.
    var sendsBody = true

    /// The source renders only for a scrape, so a bad request costs no rendering.
    static func answering(_ requestLine: String, source: any MetricsSource) -> MetricsResponse {
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else {
            return MetricsResponse(status: 400, reason: "Bad Request", body: "not an HTTP/1.x request\n")
        }
        let method = parts[0]
        let path = parts[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard method == "GET" || method == "HEAD" else {
            return MetricsResponse(
                status: 405, reason: "Method Not Allowed", extraHeaders: [("Allow", "GET, HEAD")],
                body: "only GET and HEAD are served\n")
        }
        switch path {
        case "/metrics":
            return MetricsResponse(
                status: 200, reason: "OK", contentType: PrometheusText.contentType, body: source.render(), sendsBody: method == "GET")
        case "/healthz":
            return MetricsResponse(status: 200, reason: "OK", body: "ok\n", sendsBody: method == "GET")
        case "/readyz":
            return source.isReady
                ? MetricsResponse(status: 200, reason: "OK", body: "ok\n", sendsBody: method == "GET")
                : MetricsResponse(status: 503, reason: "Service Unavailable", body: "not ready: the watches have not listed the cluster yet\n", sendsBody: method == "GET")
        default:
            return MetricsResponse(
                status: 404, reason: "Not Found", body: "not found; metrics are at /metrics, probes at /healthz and /readyz\n", sendsBody: method == "GET")
        }
    }

    var bytes: [UInt8] {
        let body = Array(body.utf8)
        var head = "HTTP/1.1 \(status) \(reason)\r\n"
        head += "Content-Type: \(contentType)\r\n"
        head += "Content-Length: \(body.count)\r\n"
        for (name, value) in extraHeaders { head += "\(name): \(value)\r\n" }
        head += "Connection: close\r\n\r\n"
        return Array(head.utf8) + (sendsBody ? body : [])
    }
}
