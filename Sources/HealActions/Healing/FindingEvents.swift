import Foundation
import HealAnalysis
import HealModel
import Logging
import Synchronization

/// `--watch --record-events`: a Warning Event on a workload when the watcher first sees one of
/// its problems (`HealProblemDetected`: the code and root cause), so `kubectl describe` and
/// event exporters show what the healer sees. The watcher calls it once per incident (again
/// only after the incident resolved); a token bucket keeps a mass failure from flooding the
/// API server: at most `perMinute` Events a minute, the rest counted and said on stderr.
package final class FindingEvents: Sendable {
    package static let reason = "HealProblemDetected"

    private struct Bucket {
        var tokens: Double
        var refilled: ContinuousClock.Instant
        var dropped = 0
    }

    private let perMinute: Int
    private let bucket: Mutex<Bucket>
    private let post: @Sendable (_ subject: EventRecorder.Subject, _ message: String) async -> Void
    private let logger: Logger

    package init(perMinute: Int = 30, logger: Logger, post: @escaping @Sendable (_ subject: EventRecorder.Subject, _ message: String) async -> Void) {
        self.perMinute = perMinute
        self.logger = logger
        self.post = post
        bucket = Mutex(Bucket(tokens: Double(perMinute), refilled: .now))
    }

    /// Records the finding's Event unless the minute's allowance is spent. Returns at once.
    package func detected(_ finding: Finding, now: ContinuousClock.Instant = .now) {
        let dropped = bucket.withLock { bucket -> Int? in
            bucket.tokens = min(Double(perMinute), bucket.tokens + Double(perMinute) * bucket.refilled.duration(to: now).seconds / 60)
            bucket.refilled = now
            guard bucket.tokens >= 1 else {
                bucket.dropped += 1
                return bucket.dropped
            }
            bucket.tokens -= 1
            return nil
        }
        if let dropped {
            // Said at the first drop and then every hundredth, not once per finding.
            if dropped == 1 || dropped % 100 == 0 {
                logger.warning("more than \(perMinute) problems a minute: \(dropped) not recorded as Events (they are still reported here and in the metrics)")
            }
            return
        }
        let workload = finding.workload
        let subject = EventRecorder.Subject(
            apiVersion: Self.apiVersion(of: workload.kind), kind: workload.kind, namespace: workload.namespace ?? "default", name: workload.name, uid: nil)
        let message = "kubectl-heal: \(finding.code) (\(finding.severity.rawValue)): \(finding.rootCause)"
        let post = post
        Task { await post(subject, String(message.prefix(1024))) }
    }

    static func apiVersion(of kind: String) -> String {
        switch kind {
        case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet": "apps/v1"
        case "Job", "CronJob": "batch/v1"
        case "HorizontalPodAutoscaler": "autoscaling/v2"
        case "Ingress", "NetworkPolicy": "networking.k8s.io/v1"
        case "PodDisruptionBudget": "policy/v1"
        default: "v1"
        }
    }
}
