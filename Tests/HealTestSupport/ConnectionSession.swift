import Foundation

/// Serves the requests of one keep-alive connection, carrying out what the router decided.
struct ConnectionSession {
    let router: RequestRouter
    let listener: SocketListener

    func serve(_ descriptor: Int32) {
        var connection = HTTPConnection(descriptor: descriptor)
        while let (request, keepAlive) = connection.readRequest() {
            guard perform(router.response(for: request), for: request, keepAlive: keepAlive, on: connection) else {
                return
            }
        }
    }

    /// Returns whether the connection can carry another request.
    private func perform(
        _ response: ScriptedResponse, for request: RecordedRequest, keepAlive: Bool, on connection: HTTPConnection
    ) -> Bool {
        switch response {
        case .delayed(let duration, let next):
            return listener.sleep(duration) && perform(next, for: request, keepAlive: keepAlive, on: connection)
        case .dropConnection:
            return false
        case .answeredLate(let duration, let inner):
            guard let wire = router.render(inner, for: request) else {
                preconditionFailure("FakeAPIServer: .answeredLate needs a plain response, not \(inner)")
            }
            return listener.sleep(duration) && connection.write(wire.head(closing: !keepAlive) + wire.framedBody) && keepAlive
        case .truncated(let inner, let keptBytes):
            guard var wire = router.render(inner, for: request) else {
                preconditionFailure("FakeAPIServer: .truncated needs a plain response, not \(inner)")
            }
            wire.chunked = false
            connection.write(wire.head(closing: true) + wire.body.prefix(keptBytes))
            return false
        case .stream(let chunks, let pause, let end):
            return stream(chunks.map { Data($0.utf8) }, contentType: "application/json", pause: pause, end: end, keepAlive: keepAlive, on: connection)
        case .binaryStream(let contentType, let chunks, let pause, let end):
            return stream(chunks, contentType: contentType, pause: pause, end: end, keepAlive: keepAlive, on: connection)
        case .fixture:
            switch router.backend.respond(to: request) {
            case .complete(let wire):
                return connection.write(wire.head(closing: !keepAlive) + wire.framedBody) && keepAlive
            case .live(let stream):
                return live(stream, keepAlive: keepAlive, on: connection)
            }
        case .reply, .fixtureStatus, .status, .retryAfter:
            let wire = router.render(response, for: request)!
            return connection.write(wire.head(closing: !keepAlive) + wire.framedBody) && keepAlive
        }
    }

    private func stream(
        _ chunks: [Data], contentType: String, pause: Duration, end: ScriptedResponse.StreamEnd, keepAlive: Bool,
        on connection: HTTPConnection
    ) -> Bool {
        var head = WireResponse(status: 200, contentType: contentType, body: Data())
        head.chunked = true
        guard connection.write(head.head(closing: !keepAlive || end != .finish)) else { return false }
        // An empty chunk would be read as the end of the stream.
        for (position, chunk) in chunks.filter({ !$0.isEmpty }).enumerated() {
            if position > 0, !listener.sleep(pause) { return false }
            guard connection.write(WireResponse.chunk(chunk)) else { return false }
        }
        switch end {
        case .finish:
            return connection.write(WireResponse.lastChunk) && keepAlive
        case .holdOpen:
            connection.waitForPeerClose()
            return false
        case .drop:
            return false
        }
    }

    /// Sends `stream` until it ends, polling often enough to notice a client that went away
    /// or a server that stopped while nothing was happening.
    private func live(_ stream: any LiveStream, keepAlive: Bool, on connection: HTTPConnection) -> Bool {
        var head = WireResponse(status: 200, contentType: stream.contentType, body: Data())
        head.chunked = true
        guard connection.write(head.head(closing: !keepAlive)) else { return false }
        while true {
            switch stream.next(waitingAtMost: .milliseconds(50)) {
            case .send(let bytes):
                guard bytes.isEmpty || connection.write(WireResponse.chunk(bytes)) else { return false }
            case .idle:
                if listener.isStopped || connection.peerClosed() { return false }
            case .end:
                return connection.write(WireResponse.lastChunk) && keepAlive
            }
        }
    }
}
