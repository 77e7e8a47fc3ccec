import Foundation

/// What answers the requests no script claims: the fixture tree or a `FakeCluster`.
protocol RequestBackend: Sendable {
    func respond(to request: RecordedRequest) -> BackendReply
}

enum BackendReply {
    case complete(WireResponse)
    /// A `200` chunked stream produced while it is being sent (a watch on the fake cluster).
    case live(any LiveStream)
}

/// A response body produced while it is being sent. The connection thread calls `next`
/// until `.end`, and gives up when the client disconnects or the server stops.
protocol LiveStream {
    /// The stream's Content-Type.
    var contentType: String { get }
    func next(waitingAtMost timeout: Duration) -> LiveStreamStep
}

enum LiveStreamStep {
    /// One chunk to send.
    case send(Data)
    /// Nothing new yet; ask again.
    case idle
    case end
}
