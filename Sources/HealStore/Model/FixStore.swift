import Foundation

/// The memory of fixes: learned patterns plus the append-only audit trail of attempts. Two
/// implementations: `SQLiteFixStore` (a local file) and `ConfigMapFixStore` (shared through
/// the cluster). Both are safe with several writers at once and lose no update.
package protocol FixStore: Sendable {
    /// Where it lives, for messages: a file path or `configmap://NS/NAME`.
    var location: String { get }

    /// All patterns, most recently used first.
    func patterns() async throws(StoreError) -> [LearnedPattern]
    /// The pattern with this id or unique id prefix (at least 4 characters); nil when none.
    /// An ambiguous prefix throws `StoreError.ambiguousID`.
    func pattern(id: String) async throws(StoreError) -> LearnedPattern?
    /// Patterns for one fingerprint, best first (successes, then success rate, then last used).
    func patterns(fingerprint: String) async throws(StoreError) -> [LearnedPattern]
    /// Attempts, newest first; only one pattern's when `patternID` is given.
    func attempts(patternID: String?) async throws(StoreError) -> [AttemptRecord]
    /// Attempts that finished at or after `date`, newest first (the loop's cooldown and cap
    /// read only their window, not the whole audit trail).
    func attempts(finishedSince date: Date) async throws(StoreError) -> [AttemptRecord]
    /// Attempts for one fingerprint on one workload, newest first (the loop's "do not repeat
    /// what failed" rule reads these).
    func attempts(fingerprint: String, workload: WorkloadKey) async throws(StoreError) -> [AttemptRecord]

    /// Appends `attempt` and creates or updates its pattern in one transaction: successes or
    /// failures + 1, `lastUsedAt`, and on success `learnedValues[workload] = draft.learnedValue`.
    /// Returns the pattern as stored.
    @discardableResult
    func record(_ attempt: AttemptRecord, pattern draft: PatternDraft) async throws(StoreError) -> LearnedPattern

    /// Deletes one pattern and its attempts; false when there is none.
    func forget(patternID: String) async throws(StoreError) -> Bool
    /// Deletes everything; returns what was deleted.
    func reset() async throws(StoreError) -> StoreCounts
    /// Deletes attempts finished before `date`, and patterns not used since then; pattern
    /// counts keep counting the deleted attempts.
    func prune(before date: Date) async throws(StoreError) -> StoreCounts

    /// Everything, as the versioned export document.
    func export() async throws(StoreError) -> MemoryDocument
    /// Merges a document: attempts deduplicated by id, counts merged so that importing the
    /// same file twice changes nothing.
    func importing(_ document: MemoryDocument) async throws(StoreError) -> ImportCounts
}

package struct StoreCounts: Codable, Sendable, Equatable {
    package var patterns: Int
    package var attempts: Int

    package init(patterns: Int, attempts: Int) {
        self.patterns = patterns
        self.attempts = attempts
    }
}

package struct ImportCounts: Codable, Sendable, Equatable {
    /// Patterns the store did not have.
    package var patternsAdded: Int
    /// Patterns the store had that changed: new attempts, counts, times or learned values.
    package var patternsMerged: Int
    package var attemptsAdded: Int
    /// Already present (same id), or older than the store's last prune cutoff: skipped.
    package var attemptsSkipped: Int

    package init(patternsAdded: Int, patternsMerged: Int, attemptsAdded: Int, attemptsSkipped: Int) {
        self.patternsAdded = patternsAdded
        self.patternsMerged = patternsMerged
        self.attemptsAdded = attemptsAdded
        self.attemptsSkipped = attemptsSkipped
    }
}
