import Foundation

/// One healing attempt, as the audit trail keeps it: append-only, never edited afterwards.
/// Literal environment values and anything secret-looking are redacted before a record is made
/// (the store never holds a secret), so `patch` and `priorState` are safe to print and share.
package struct AttemptRecord: Codable, Sendable, Equatable, Identifiable {
    package enum Outcome: String, Codable, Sendable, CaseIterable {
        /// Applied, and the workload verified healthy for the whole window.
        case succeeded
        /// Applied, did not verify, and the recorded prior state was restored.
        case rolledBack = "rolled-back"
        /// A pod restart that did not help (nothing to restore). Records written before the
        /// outcomes below existed also use it for changes that could not be applied.
        case failed
        /// Not applied: the server's dry run refused it, a referenced Secret or ConfigMap was
        /// missing, or someone else changed the fields it changes (nothing was overwritten).
        case refused
        /// Applied and live, but neither verified nor restored (the API server was unreachable,
        /// or the restore was refused); the next `--fix` run verifies or restores it.
        case unverified
        /// Applied, then SIGINT/SIGTERM arrived before it verified: the prior state was restored.
        /// Says nothing about the fix.
        case interrupted

        /// What the attempt says about the fix itself: true for a verified fix, false for one
        /// that did not help, nil when it was never judged (refused, or unverified).
        package var verdict: Bool? {
            switch self {
            case .succeeded: true
            case .rolledBack, .failed: false
            case .refused, .unverified, .interrupted: nil
            }
        }
    }

    package enum Source: String, Codable, Sendable, CaseIterable {
        case rule
        case learned
        case llm
    }

    /// A UUID; import deduplicates on it.
    package var id: String
    /// The pattern this attempt belongs to (fingerprint + action); see `LearnedPattern.makeID`.
    package var patternID: String
    package var fingerprint: String
    /// Who acted: the local user name and the kube context (or in-cluster service account).
    package var user: String
    package var context: String
    package var workload: WorkloadKey
    package var container: String?
    /// The finding code that triggered it (`oom-killed`, `image-pull-backoff` …).
    package var findingCode: String
    /// `Remediation.Action` raw value (`raise-memory-limit`, `set-image` …).
    package var action: String
    package var parameters: [String: String]
    /// The exact patch sent (JSON text), redacted.
    package var patch: String
    /// The fields the patch replaced, as they were before (JSON text), redacted; what a
    /// rollback restores.
    package var priorState: String
    package var outcome: Outcome
    /// One sentence: "2 of 2 new pods Ready, no restarts for 60s" / "pod web-x OOMKilled again".
    package var verification: String
    package var source: Source
    /// When the problem state began according to the API (the finding's `since`), if known.
    package var incidentSince: Date?
    /// When kubectl-heal first reported it.
    package var detectedAt: Date
    package var startedAt: Date
    package var finishedAt: Date
    /// LLM calls this attempt cost (0 for rule and learned plans).
    package var llmCalls: Int

    package init(
        id: String = UUID().uuidString.lowercased(), patternID: String, fingerprint: String, user: String, context: String,
        workload: WorkloadKey, container: String?, findingCode: String, action: String, parameters: [String: String],
        patch: String, priorState: String, outcome: Outcome, verification: String, source: Source,
        incidentSince: Date?, detectedAt: Date, startedAt: Date, finishedAt: Date, llmCalls: Int = 0
    ) {
        self.id = id
        self.patternID = patternID
        self.fingerprint = fingerprint
        self.user = user
        self.context = context
        self.workload = workload
        self.container = container
        self.findingCode = findingCode
        self.action = action
        self.parameters = parameters
        self.patch = patch
        self.priorState = priorState
        self.outcome = outcome
        self.verification = verification
        self.source = source
        self.incidentSince = incidentSince
        self.detectedAt = detectedAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.llmCalls = llmCalls
    }

    package var durationSeconds: Double { finishedAt.timeIntervalSince(startedAt) }
    /// Detection latency, when the incident's start is known.
    package var timeToDetectSeconds: Double? { incidentSince.map { max(0, detectedAt.timeIntervalSince($0)) } }
    /// From detection to the end of verification.
    package var timeToRepairSeconds: Double { max(0, finishedAt.timeIntervalSince(detectedAt)) }
}

/// A workload as the store names it: `shop/Deployment/web`.
package struct WorkloadKey: Codable, Sendable, Hashable, CustomStringConvertible {
    package var namespace: String
    package var kind: String
    package var name: String

    package init(namespace: String, kind: String, name: String) {
        self.namespace = namespace
        self.kind = kind
        self.name = name
    }

    package var description: String { "\(namespace)/\(kind)/\(name)" }
}
