/// The API server's `Status` error body, kept whole so messages can quote the server.
package struct APIStatus: Decodable, Sendable, Equatable {
    package struct Details: Decodable, Sendable, Equatable {
        package struct Cause: Decodable, Sendable, Equatable {
            package var reason: String?
            package var message: String?
            package var field: String?
        }

        package var name: String?
        package var group: String?
        package var kind: String?
        package var causes: [Cause]?
        package var retryAfterSeconds: Int?
    }

    package var kind: String?
    package var status: String?
    package var message: String?
    package var reason: String?
    package var details: Details?
    package var code: Int?

    package init(message: String?, reason: String?, code: Int?) {
        self.message = message
        self.reason = reason
        self.code = code
    }
}
