import Foundation

/// What a program behind a Service answers through the fake's service proxy (`setServiceProxy`).
package struct UpstreamReply: Sendable {
    package var status: Int
    package var contentType: String
    package var body: Data

    package init(status: Int = 200, contentType: String = "application/json", body: Data) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    package static func json(_ text: String, status: Int = 200) -> UpstreamReply {
        UpstreamReply(status: status, body: Data(text.utf8))
    }
}
