import Foundation
import HealKube

extension KubeError {
    /// What the server said, for messages: its `Status` message, else its raw body (the
    /// aggregator's plain-text "service unavailable"), looking through retries.
    var serverMessage: String {
        switch self {
        case .status(let code, let status, let body, _):
            status?.message ?? body.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? "HTTP \(code)"
        case .gaveUp(_, let last):
            last.serverMessage
        default:
            description
        }
    }
}
