/// Responses queued for requests that match a method, a path and some query parameters.
struct ResponseScript: Sendable {
    let method: String
    let path: String
    let query: [String: String]
    var remaining: [ScriptedResponse]

    func matches(_ request: RecordedRequest) -> Bool {
        request.method == method && request.path == path
            && query.allSatisfy { request.query($0.key) == $0.value }
    }
}
