/// Transport failures, each naming the URL. HTTP error statuses are not errors at this layer:
/// callers read the status and the server's body.
package enum HTTPError: Error, Sendable, Equatable {
    /// DNS failure or nothing listening: the server cannot be reached at all.
    case unreachable(url: String, detail: String)
    /// Handshake or certificate verification failed.
    case tlsFailure(url: String, detail: String)
    case timedOut(url: String, after: Duration?)
    /// The connection broke after the request was sent (reset, closed mid-body, HTTP/2 stream error).
    case connectionLost(url: String, detail: String)
    case cancelled(url: String)
    /// The request could not be built (malformed URL, unreadable certificate file …).
    case invalidRequest(url: String, detail: String)

    package var url: String {
        switch self {
        case .unreachable(let url, _), .tlsFailure(let url, _), .timedOut(let url, _),
            .connectionLost(let url, _), .cancelled(let url), .invalidRequest(let url, _):
            url
        }
    }
}

extension HTTPError: CustomStringConvertible {
    package var description: String {
        switch self {
        case .unreachable(let url, let detail): "cannot reach \(url): \(detail)"
        case .tlsFailure(let url, let detail): "TLS failure talking to \(url): \(detail)"
        case .timedOut(let url, let after):
            if let after { "\(url) did not answer within \(after.formattedSeconds)" } else { "\(url) timed out" }
        case .connectionLost(let url, let detail): "connection to \(url) was lost: \(detail)"
        case .cancelled(let url): "request to \(url) was cancelled"
        case .invalidRequest(let url, let detail): "cannot send request to \(url): \(detail)"
        }
    }
}

extension Duration {
    /// "30s", "1.5s" — the form kubectl uses for `--request-timeout`.
    package var formattedSeconds: String {
        let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
    }
}
