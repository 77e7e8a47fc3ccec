import HealActions
import HealAnalysis
import HealStore

/// How one applied recommendation (`recommend-limits --apply`, `apply_limits`) ended, for the
/// table and the JSON document.
package struct ResizeResult: Encodable, Sendable {
    package enum Outcome: String, Encodable, Sendable {
        case succeeded
        /// Applied, did not verify, prior template restored.
        case rolledBack = "rolled-back"
        case failed
        /// Not applied: the server's dry run refused it, or someone else changed the same
        /// fields (nothing was overwritten).
        case refused
        /// Applied and live, but neither verified nor restored (API server unreachable).
        case unverified
        /// Applied, then restored because the run was stopped before it verified.
        case interrupted
        /// Not attempted: refused by a guard rail or not confirmed.
        case skipped
    }

    package var workload: ResourceRef
    package var outcome: Outcome
    /// The verification verdict, why it failed, or why it was skipped.
    package var detail: String
    /// The strategic-merge patch (JSON text).
    package var patch: String
    package var seconds: Double?
    /// Refused because someone else changed the object (the run exits 75).
    package var refusedForConflict = false

    init(change: ResizeJob.Change, outcome: Outcome, detail: String) {
        workload = change.workload
        self.outcome = outcome
        self.detail = detail
        patch = change.patch.sortedText
        seconds = nil
    }

    init(change: ResizeJob.Change, step: HealStepResult) {
        workload = change.workload
        switch step.outcome {
        case .succeeded: outcome = .succeeded
        case .rolledBack: outcome = .rolledBack
        case .failed: outcome = .failed
        case .refused: outcome = .refused
        case .unverified: outcome = .unverified
        case .interrupted: outcome = .interrupted
        }
        refusedForConflict = step.refusedForConflict
        detail = step.verification
        patch = step.patch
        seconds = step.seconds
    }

    /// Whether the run should exit 1: a change that was made and did not hold.
    package var didNotHold: Bool { [.rolledBack, .failed, .refused, .unverified, .interrupted].contains(outcome) }

    private enum CodingKeys: String, CodingKey {
        case workload, outcome, detail, patch, seconds
    }
}
