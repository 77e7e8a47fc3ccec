import Foundation

/// A `FixStore` held in memory only, for tests of code that uses a store: the behaviour every
/// store shares is checked against it as against SQLite and the ConfigMap.
package actor InMemoryFixStore: FixStore {
    package nonisolated let location = "memory"
    private var state = MemoryState()
    private let now: @Sendable () -> Date

    package init(now: @escaping @Sendable () -> Date = Date.init) {
        self.now = now
    }

    package func patterns() -> [LearnedPattern] { state.patterns() }
    package func pattern(id: String) throws(StoreError) -> LearnedPattern? { try state.pattern(id: id) }
    package func patterns(fingerprint: String) -> [LearnedPattern] { state.patterns(fingerprint: fingerprint) }
    package func attempts(patternID: String?) -> [AttemptRecord] { state.attempts(patternID: patternID) }
    package func attempts(finishedSince date: Date) -> [AttemptRecord] { state.attempts(finishedSince: date) }
    package func attempts(fingerprint: String, workload: WorkloadKey) -> [AttemptRecord] {
        state.attempts(fingerprint: fingerprint, workload: workload)
    }

    @discardableResult
    package func record(_ attempt: AttemptRecord, pattern draft: PatternDraft) -> LearnedPattern {
        state.record(attempt, pattern: draft)
    }

    package func forget(patternID: String) -> Bool { state.forget(patternID: patternID) }
    package func reset() -> StoreCounts { state.reset() }
    package func prune(before date: Date) -> StoreCounts { state.prune(before: date) }
    package func export() -> MemoryDocument { state.document(exportedAt: now()) }

    package func importing(_ document: MemoryDocument) throws(StoreError) -> ImportCounts {
        state.importing(try MemoryState.checked(document))
    }
}
