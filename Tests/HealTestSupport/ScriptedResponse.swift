import Foundation

/// What the fake API server does for one scripted request.
package enum ScriptedResponse: Sendable {
    /// Answers with exactly this status, headers and body. A `Transfer-Encoding: chunked`
    /// header sends the body chunked; otherwise it carries `Content-Length`.
    case reply(status: Int, headers: [String: String], body: Data)
    /// Answers from the fixture tree, as if nothing were scripted (useful inside `.delayed`).
    case fixture
    /// A captured `Status` body from `Tests/Fixtures/k8s-v1.36/errors/<name>.txt`, sent with
    /// the HTTP code on that file's last line, e.g. `.fixtureStatus("403-forbidden-list-deployments")`.
    case fixtureStatus(String)
    /// A `Status` body built from its parts, e.g.
    /// `.status(code: 500, reason: "InternalError", message: "etcd timeout")`.
    case status(code: Int, reason: String, message: String)
    /// 429 or 503 with a `Retry-After` header and the API server's `Status` body for it.
    case retryAfter(code: Int, seconds: Int)
    /// Waits, then responds; the client sees a slow server.
    indirect case delayed(Duration, ScriptedResponse)
    /// Handles the request at once (a write lands), then waits before answering: a client that
    /// gives up meanwhile cannot know its write landed. The wrapped response must be a plain
    /// one (`fixture` included).
    indirect case answeredLate(Duration, ScriptedResponse)
    /// Closes the connection without sending a byte.
    case dropConnection
    /// Sends the head (with the full `Content-Length`) and the first `keepingBodyBytes` bytes of
    /// the body, then closes the connection. The wrapped response must be a plain one
    /// (`reply`, `fixture`, `fixtureStatus`, `status`, `retryAfter`).
    indirect case truncated(ScriptedResponse, keepingBodyBytes: Int)
    /// A `200` chunked `application/json` stream, one HTTP chunk per element, with `pause`
    /// between chunks — a watch. Chunks may split a JSON line anywhere.
    case stream(chunks: [String], pause: Duration, end: StreamEnd)
    /// The same in another encoding: `contentType` (say, protobuf's `;stream=watch`) and raw
    /// chunks, which may split a frame anywhere.
    case binaryStream(contentType: String, chunks: [Data], pause: Duration, end: StreamEnd)

    package enum StreamEnd: Sendable {
        /// Sends the terminating chunk; the connection stays usable.
        case finish
        /// Keeps the stream open until the client disconnects or the server stops.
        case holdOpen
        /// Closes the connection without the terminating chunk.
        case drop
    }

    package static func json(
        _ text: String, status: Int = 200, headers: [String: String] = [:]
    ) -> ScriptedResponse {
        let allHeaders = ["Content-Type": "application/json"].merging(headers) { $1 }
        return .reply(status: status, headers: allHeaders, body: Data(text.utf8))
    }

    package static func text(
        _ text: String, status: Int = 200, headers: [String: String] = [:]
    ) -> ScriptedResponse {
        let allHeaders = ["Content-Type": "text/plain"].merging(headers) { $1 }
        return .reply(status: status, headers: allHeaders, body: Data(text.utf8))
    }
}
