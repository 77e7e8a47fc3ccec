import Foundation
import HealAnalysis
import HealStore

/// How one applied step ended, with what was sent and what it replaced (both redacted).
package struct HealStepResult: Sendable {
    package var step: HealStep
    package var outcome: AttemptRecord.Outcome
    /// One sentence: the verification verdict, or why the step failed.
    package var verification: String
    /// The change as sent (JSON text, literal env values masked).
    package var patch: String
    /// What the change replaced (JSON text, literal env values masked).
    package var priorState: String
    package var startedAt: Date
    package var finishedAt: Date
    /// Writes answered 409 Conflict and retried after a fresh read.
    package var conflictsRetried = 0
    /// Set when the step was refused because someone else is changing the object (exit 75).
    package var refusedForConflict = false
    /// From the write's answer to the controller observing it, and to the verdict.
    package var observedGenerationSeconds: Double?
    package var verdictSeconds: Double?

    package var seconds: Double { finishedAt.timeIntervalSince(startedAt) }
}
