import Foundation

/// One request as the fake API server received it.
package struct RecordedRequest: Sendable, Equatable {
    package let method: String
    /// The percent-decoded path, without the query.
    package let path: String
    /// Decoded as Go's `url.ParseQuery` does (`+` is a space), in the order sent.
    package let queryItems: [URLQueryItem]
    /// Header names are lower-cased; repeated headers are joined with ", ".
    package let headers: [String: String]
    package let body: Data

    package init(
        method: String, path: String, queryItems: [URLQueryItem], headers: [String: String], body: Data
    ) {
        self.method = method
        self.path = path
        self.queryItems = queryItems
        self.headers = headers
        self.body = body
    }

    /// The first value of the query parameter `name`.
    package func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    package func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    package var bodyText: String { String(decoding: body, as: UTF8.self) }
}
