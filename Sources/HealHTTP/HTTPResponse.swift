import Foundation

/// A complete response. Header names are kept as received; look them up case-insensitively.
package struct HTTPResponse: Sendable {
    package var status: Int
    package var headers: [HTTPHeader]
    package var body: Data

    package init(status: Int, headers: [HTTPHeader], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A response whose body arrives as it is received (watch streams, large logs).
package struct HTTPStreamingResponse: Sendable {
    package var status: Int
    package var headers: [HTTPHeader]
    package var body: HTTPBodyStream
}
