/// What the metrics endpoint answers: `GET /metrics` (and `HEAD`), 404 elsewhere, 405 for
/// other methods, 400 for what is not HTTP/1.x. Always `Connection: close`.
struct MetricsResponse {
    var status: Int
    var reason: String
    var contentType = "text/plain; charset=utf-8"
    var extraHeaders: [(String, String)] = []
    var body: String
    /// False for HEAD: the headers describe the body that GET would send.
    var sendsBody = true

    /// `render` runs only for a scrape, so a bad request costs no rendering.
    static func answering(_ requestLine: String, render: () -> String) -> MetricsResponse {
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
        guard path == "/metrics" else {
            return MetricsResponse(status: 404, reason: "Not Found", body: "not found; metrics are at /metrics\n", sendsBody: method == "GET")
        }
        return MetricsResponse(
            status: 200, reason: "OK", contentType: PrometheusText.contentType, body: render(), sendsBody: method == "GET")
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
