import HealHTTP
import HealKube

extension KubeError {
    /// The failure behind any retries.
    var underlying: KubeError {
        if case .gaveUp(_, let last) = self { return last.underlying }
        return self
    }

    /// The server's decoded `Status`, when it sent one.
    var apiStatus: APIStatus? {
        if case .status(_, let status, _, _) = underlying { return status }
        return nil
    }

    /// The raw body kept when the server's answer was not a `Status`.
    var rawBody: String? {
        if case .status(_, _, let body, _) = underlying { return body }
        return nil
    }

    var transportFailure: HTTPError? {
        if case .transport(let failure, _) = underlying { return failure }
        return nil
    }

    var credentialFailure: KubeAuthError? {
        if case .credential(let failure, _) = underlying { return failure }
        return nil
    }

    var attempts: Int? {
        if case .gaveUp(let attempts, _) = self { return attempts }
        return nil
    }
}
