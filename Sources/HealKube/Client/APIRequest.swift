import Foundation

/// One call to the API server before credentials and the base URL are added.
struct APIRequest: Sendable {
    var method = "GET"
    var path: String
    var query: [(String, String)] = []
    var body: Data?
    var contentType: String?
    var accept = "application/json"
    var description: RequestDescription
    /// Safe to repeat after a lost connection or a 5xx.
    var idempotent = true
    /// nil: use the connection's `--request-timeout`; `.zero`: none (streams).
    var timeout: Duration?
    /// Through a proxy subresource: an answer that is not a Kubernetes `Status` is the
    /// upstream's and comes back as it is, whatever its code (never retried or refreshed).
    var relaysUpstream = false

    /// "?limit=500&labelSelector=app%3Dweb" with every reserved character escaped (label
    /// selectors carry `=`, `!`, `(`, `,` and spaces; continue tokens carry `=`).
    var encodedQuery: String {
        guard !query.isEmpty else { return "" }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let pairs = query.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }
        return "?" + pairs.joined(separator: "&")
    }
}
