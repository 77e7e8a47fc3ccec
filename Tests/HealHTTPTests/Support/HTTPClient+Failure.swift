import HealHTTP

extension HTTPClient {
    /// The transport error `send` threw, or nil when it returned a response.
    func failure(of request: HTTPRequest) async -> HTTPError? {
        do {
            _ = try await send(request)
            return nil
        } catch {
            return error
        }
    }
}

extension HTTPError {
    enum Kind: Equatable {
        case unreachable, tlsFailure, timedOut, connectionLost, cancelled, invalidRequest
    }

    /// The case without its details, for tests that only care what went wrong.
    var kind: Kind {
        switch self {
        case .unreachable: .unreachable
        case .tlsFailure: .tlsFailure
        case .timedOut: .timedOut
        case .connectionLost: .connectionLost
        case .cancelled: .cancelled
        case .invalidRequest: .invalidRequest
        }
    }
}
