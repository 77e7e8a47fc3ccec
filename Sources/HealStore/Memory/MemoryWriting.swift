import Foundation

/// The primitives a store's write path needs. The rules for recording an attempt and merging
/// an import are written once on top of them: `MemoryState` implements them on dictionaries,
/// the SQLite store on its tables inside one transaction.
protocol MemoryWriting {
    /// `Never` in memory; SQLite's errors on disk.
    associatedtype Failure: Error

    func patternState(id: String) throws(Failure) -> PatternState?
    func hasAttempt(id: String) throws(Failure) -> Bool
    /// Inserts or updates the pattern (never touching its attempts).
    mutating func save(_ state: PatternState) throws(Failure)
    /// Appends an attempt whose id is new and whose pattern is saved.
    mutating func append(_ attempt: AttemptRecord) throws(Failure)
    func pruneCutoff() throws(Failure) -> Date?
    /// Moves the prune cutoff later (never earlier).
    mutating func raisePruneCutoff(to date: Date) throws(Failure)
}

extension MemoryWriting {
    /// Appends the attempt (once: a repeated id is not counted again) and updates its pattern.
    mutating func recordAttempt(_ attempt: AttemptRecord, draft: PatternDraft) throws(Failure) {
        let attempt = attempt.redacted()
        let draft = draft.redacted()
        guard try !hasAttempt(id: attempt.id) else { return }
        var state = try patternState(id: draft.patternID) ?? PatternState(draft: draft, firstAttempt: attempt)
        state.note(attempt, draft: draft)
        try save(state)
        try append(attempt)
    }

    /// Merges another memory: patterns by `PatternState.merge`, attempts by id. What this
    /// store already pruned (before its cutoff) is pruned from `incoming` first, so an old
    /// export does not bring back attempts the counters already hold; the later of the two
    /// cutoffs is kept.
    mutating func merge(_ incoming: MemoryState) throws(Failure) -> ImportCounts {
        let (memory, skipped) = incoming.normalised(for: try pruneCutoff())
        var added = Set<String>()
        var changed = Set<String>()
        for theirs in memory.patternStates.values.sorted(by: { $0.id < $1.id }) {
            guard var ours = try patternState(id: theirs.id) else {
                try save(theirs)
                added.insert(theirs.id)
                continue
            }
            let before = ours
            ours.merge(theirs)
            if ours != before {
                try save(ours)
                changed.insert(ours.id)
            }
        }
        var counts = ImportCounts(patternsAdded: added.count, patternsMerged: 0, attemptsAdded: 0, attemptsSkipped: skipped)
        for attempt in memory.attemptsByID.values.sorted(by: { $0.id < $1.id }) {
            if try hasAttempt(id: attempt.id) {
                counts.attemptsSkipped += 1
            } else {
                try append(attempt)
                counts.attemptsAdded += 1
                changed.insert(attempt.patternID)
            }
        }
        // Their prune cutoff too: what they pruned is in their counters, now merged into ours.
        if let theirs = incoming.prunedBefore { try raisePruneCutoff(to: theirs) }
        counts.patternsMerged = changed.subtracting(added).count
        return counts
    }
}

extension MemoryState: MemoryWriting {
    typealias Failure = Never

    func patternState(id: String) -> PatternState? { patternStates[id] }
    func hasAttempt(id: String) -> Bool { attemptsByID[id] != nil }
    mutating func save(_ state: PatternState) { patternStates[state.id] = state }
    mutating func append(_ attempt: AttemptRecord) { attemptsByID[attempt.id] = attempt }
    func pruneCutoff() -> Date? { prunedBefore }
    mutating func raisePruneCutoff(to date: Date) { prunedBefore = max(prunedBefore ?? date, date) }
}
