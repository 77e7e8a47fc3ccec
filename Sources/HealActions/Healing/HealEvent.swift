import Foundation
import HealAnalysis
import HealKube
import HealModel

/// One thing the healing loop saw, decided or did, as a sentence for people and a JSON line
/// for scripts (`kind: HealEvent`). Patches in events are always redacted.
package struct HealEvent: Codable, Sendable, Equatable {
    package enum EventType: String, Codable, Sendable {
        /// A new problem was found.
        case detected
        /// A problem seen before is gone.
        case resolved
        /// Nothing will be done about it, and why.
        case leftAlone = "left-alone"
        /// A step is about to be applied.
        case applying
        case succeeded
        case rolledBack = "rolled-back"
        /// A pod restart that did not help (nothing to restore).
        case failed
        /// Not applied: the server's dry run refused it, a reference was missing, or someone
        /// else changed the same fields (nothing was overwritten).
        case refused
        /// Applied and live, but neither verified nor restored; the next run finishes it.
        case unverified
        /// Applied, then restored because the run was stopped (SIGINT/SIGTERM) before it verified.
        case interrupted
        /// The API server stopped answering the watches (`--watch`); they reconnect with backoff.
        case disconnected
        /// The watches stream again after an outage.
        case reconnected
    }

    /// The step as reported: its redacted patch, never the literal values.
    package struct Step: Codable, Sendable, Equatable {
        package var action: String
        package var source: String
        package var summary: String
        package var reason: String
        package var parameters: [String: String]
        package var patch: JSONValue?

        init(_ step: HealStep) {
            action = step.action.rawValue
            source = step.source.rawValue
            summary = step.summary
            reason = step.reason
            parameters = step.parameters
            patch = step.redactedPatch?.body
        }
    }

    package var type: EventType
    /// With microseconds: detection latency is measured in milliseconds.
    package var time: String
    package var workload: ResourceRef
    package var container: String?
    package var code: String
    package var severity: Severity?
    /// `IncidentFingerprint.hash`.
    package var fingerprint: String?
    /// The readable sentence.
    package var message: String
    package var step: Step?
    package var verification: String?
    package var seconds: Double?
    /// For a finished step: from the write's answer to the Deployment controller observing its
    /// generation, and to the verification's verdict.
    package var observedGenerationSeconds: Double?
    package var verdictSeconds: Double?
    /// For `detected`: from when the API says the problem began to when it was reported.
    package var latencySeconds: Double?

    package init(
        type: EventType, time: Date, workload: ResourceRef, container: String?, code: String, severity: Severity? = nil,
        fingerprint: String?, message: String, step: HealStep? = nil, verification: String? = nil, seconds: Double? = nil,
        latencySeconds: Double? = nil
    ) {
        self.type = type
        self.time = Timestamp(time).microTime
        self.workload = workload
        self.container = container
        self.code = code
        self.severity = severity
        self.fingerprint = fingerprint
        self.message = message
        self.step = step.map(Step.init)
        self.verification = verification
        self.seconds = seconds
        self.latencySeconds = latencySeconds
    }
}

extension HealEvent {
    /// A problem found: the finding's symptom and root cause, and how long after it began.
    package static func detected(_ finding: Finding, at time: Date) -> HealEvent {
        HealEvent(
            type: .detected, time: time, workload: finding.workload, container: finding.container, code: finding.code,
            severity: finding.severity, fingerprint: nil, message: "\(HealSession.saw(finding)) — \(finding.rootCause)",
            latencySeconds: finding.since.map { max(0, time.timeIntervalSince($0.date)) })
    }

    /// The watches lost the API server (`error`: the first failure) or, with nil, got it back.
    package static func connectivity(server: String, error: String?, at time: Date) -> HealEvent {
        HealEvent(
            type: error == nil ? .reconnected : .disconnected, time: time, workload: ResourceRef(kind: "APIServer", namespace: nil, name: server),
            container: nil, code: error == nil ? "api-server-reachable" : "api-server-unreachable", fingerprint: nil,
            message: WatchConnectivity.sentence(error: error))
    }

    /// A problem reported before that the newest diagnosis no longer shows.
    package static func resolved(_ finding: Finding, at time: Date) -> HealEvent {
        HealEvent(
            type: .resolved, time: time, workload: finding.workload, container: finding.container, code: finding.code,
            fingerprint: nil, message: "\(finding.workload.typeAndName) in \(finding.workload.namespace ?? "default"): \(finding.code) is gone")
    }
}

/// The tally of a `--fix` pass or a `--watch` session.
package struct HealSummary: Codable, Sendable, Equatable {
    package var detected = 0
    package var resolved = 0
    package var fixed = 0
    package var rolledBack = 0
    package var failed = 0
    package var refused = 0
    package var unverified = 0
    package var interrupted = 0
    package var leftAlone = 0
    /// Fixes that came straight from the learned memory.
    package var fromMemory = 0
    /// Writes answered 409 Conflict (usually the controller's status writes) and retried.
    package var conflictsRetried = 0
    package var seconds = 0.0

    package init() {}

    package mutating func count(_ event: HealEvent) {
        switch event.type {
        case .detected: detected += 1
        case .resolved: resolved += 1
        case .leftAlone: leftAlone += 1
        case .applying: break
        case .succeeded:
            fixed += 1
            if event.step?.source == Finding.Source.learned.rawValue { fromMemory += 1 }
        case .rolledBack: rolledBack += 1
        case .failed: failed += 1
        case .refused: refused += 1
        case .unverified: unverified += 1
        case .interrupted: interrupted += 1
        case .disconnected, .reconnected: break
        }
    }
}
