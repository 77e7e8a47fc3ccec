import Foundation
import HealModel

/// The Service annotation that records the last failover, so `kubectl get svc -o yaml` and the
/// next watcher can see what happened: `{"from":"blue","to":"green","reason":"…","time":"…"}`.
package struct FailoverAnnotation: Codable, Sendable, Equatable {
    package static let key = "heal.kubectl.io/last-failover"

    package var from: String?
    package var to: String
    package var reason: String
    package var time: Timestamp
    /// "switched", or "rolled-back" when verification failed and the selector went back.
    package var outcome: String

    package init(from: String?, to: String, reason: String, time: Timestamp, outcome: String) {
        self.from = from
        self.to = to
        self.reason = reason
        self.time = time
        self.outcome = outcome
    }

    /// Compact JSON with sorted keys, as the annotation's value.
    package var value: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a struct of strings and a timestamp cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
