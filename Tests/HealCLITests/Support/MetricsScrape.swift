import Foundation
import HealHTTP

/// GET `path` (`/metrics`, `/readyz`…) from the address a watcher said on stderr it serves on
/// (at `-v`); nil before it has said so.
func scrapeMetrics(stderr: String, path: String = "/metrics") async throws -> (status: Int, body: String)? {
    guard let line = stderr.split(separator: "\n").first(where: { $0.contains("serving Prometheus metrics on ") }), let url = line.split(separator: " ").last
    else { return nil }
    let response = try await HTTPClient().send(HTTPRequest(url: String(url).replacingOccurrences(of: "/metrics", with: path)))
    return (response.status, String(decoding: response.body, as: UTF8.self))
}
