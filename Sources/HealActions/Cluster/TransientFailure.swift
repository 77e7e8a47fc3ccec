import HealHTTP
import HealKube

/// Failures that say "the API server is not answering right now" rather than "no": refused,
/// dropped or timed-out connections, throttling and 5xx (a restarting kube-apiserver answers
/// 503 until it is ready). Waiting them out is right; reporting them as the change's fault is not.
enum TransientFailure {
    static func isTransient(_ error: any Error) -> Bool {
        guard let error = error as? KubeError else { return false }
        switch error {
        case .transport(let failure, _):
            switch failure {
            case .unreachable, .connectionLost, .timedOut: return true
            default: return false
            }
        case .gaveUp: return true
        case .status(let code, _, _, _): return RetryPolicy.transientStatuses.contains(code)
        default: return false
        }
    }

    /// Whether the request cannot have reached the server (connection refused): resending a
    /// write after it cannot apply it twice.
    static func neverSent(_ error: any Error) -> Bool {
        if case .transport(.unreachable, _)? = error as? KubeError { return true }
        return false
    }
}
