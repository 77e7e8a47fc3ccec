import HealHTTP

/// A failed API request, always naming what was asked.
package enum KubeError: Error, Sendable, Equatable {
    /// The server answered with an error status; `status` holds its `Status` body when it sent one.
    case status(code: Int, status: APIStatus?, body: String?, request: RequestDescription)
    case transport(HTTPError, request: RequestDescription)
    /// 429/5xx or dropped connections persisted through every retry.
    indirect case gaveUp(attempts: Int, last: KubeError)
    /// The server answered 2xx with something that is not what the API promises.
    case invalidResponse(detail: String, request: RequestDescription)
    case credential(KubeAuthError, request: RequestDescription)

    package var request: RequestDescription {
        switch self {
        case .status(_, _, _, let request), .transport(_, let request), .invalidResponse(_, let request),
            .credential(_, let request):
            request
        case .gaveUp(_, let last):
            last.request
        }
    }

    /// Whether the API server is not answering right now rather than saying no: refused, reset
    /// or timed-out connections, TLS handshakes cut short, 429 and 5xx (a restarting
    /// kube-apiserver answers 503 until it is ready). Waiting these out is right.
    package var isTransient: Bool {
        switch self {
        case .transport(let failure, _):
            switch failure {
            case .unreachable, .connectionLost, .timedOut, .tlsFailure: return true
            default: return false
            }
        case .gaveUp(_, let last): return last.isTransient
        case .status(let code, _, _, _): return RetryPolicy.transientStatuses.contains(code)
        default: return false
        }
    }

    /// Whether the request cannot have reached the server (connection refused): resending a
    /// write after it cannot apply it twice.
    package var neverSent: Bool {
        if case .transport(.unreachable, _) = self { return true }
        return false
    }

    /// How long the server asked to wait (`Status.details.retryAfterSeconds`), if it did.
    package var retryAfter: Duration? {
        switch self {
        case .status(_, let status, _, _): status?.details?.retryAfterSeconds.map { .seconds($0) }
        case .gaveUp(_, let last): last.retryAfter
        default: nil
        }
    }

    /// The HTTP status, if the server sent one (looking through retries).
    package var httpStatus: Int? {
        switch self {
        case .status(let code, _, _, _): code
        case .gaveUp(_, let last): last.httpStatus
        default: nil
        }
    }
}
