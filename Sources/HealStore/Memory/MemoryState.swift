import Foundation

/// The whole memory as a value, with every `FixStore` operation as a pure function of it: what
/// the ConfigMap store applies to the fresh copy it read before each write (and re-applies
/// after a conflict), and what `InMemoryFixStore` wraps. SQLite keeps the same state in tables
/// and shares the pattern rules (`PatternState`), the import normalisation and the orders.
package struct MemoryState: Sendable, Equatable {
    package internal(set) var patternStates: [String: PatternState] = [:]
    package internal(set) var attemptsByID: [String: AttemptRecord] = [:]
    /// The newest prune cutoff: attempts finished earlier live only in the pruned counters, so
    /// an import does not bring them back (they would be counted twice).
    package internal(set) var prunedBefore: Date?

    package init() {}

    /// The state a document describes, checked: the `LearnedMemory` kind, pattern ids that
    /// match their fingerprint and action, attempts that belong to a pattern of the document,
    /// counts no smaller than the attempts held.
    init(_ document: MemoryDocument) throws(InvalidMemory) {
        guard document.apiVersion == MemoryDocument.apiVersion, document.kind == MemoryDocument.kind else {
            throw InvalidMemory("expected apiVersion \(MemoryDocument.apiVersion) and kind \(MemoryDocument.kind), found \(document.apiVersion) \(document.kind)")
        }
        var tallies: [String: OutcomeTally] = [:]
        for attempt in document.attempts {
            guard attemptsByID.updateValue(attempt, forKey: attempt.id) == nil else {
                throw InvalidMemory("attempt \(attempt.id) appears twice")
            }
            tallies[attempt.patternID, default: OutcomeTally()].add(attempt.outcome)
        }
        for pattern in document.patterns {
            guard patternStates[pattern.id] == nil else { throw InvalidMemory("pattern \(pattern.id) appears twice") }
            patternStates[pattern.id] = try PatternState(pattern, kept: tallies[pattern.id] ?? OutcomeTally())
        }
        if let orphan = attemptsByID.values.first(where: { patternStates[$0.patternID] == nil }) {
            throw InvalidMemory("attempt \(orphan.id) belongs to pattern \(orphan.patternID), which the document does not hold")
        }
        prunedBefore = document.prunedBefore
    }

    /// A document handed to `importing`, checked and scrubbed of anything secret-looking
    /// (callers usually checked it already with `MemoryDocument.decodeChecked`, naming the
    /// file). What a store holds was scrubbed when it was written, so reading it back does not
    /// scrub it again.
    static func checked(_ document: MemoryDocument) throws(StoreError) -> MemoryState {
        do {
            var state = try MemoryState(document)
            state.attemptsByID = state.attemptsByID.mapValues { $0.redacted() }
            state.patternStates = state.patternStates.mapValues { $0.redacted() }
            return state
        } catch {
            throw StoreError.badDocument(file: "the imported document", reason: error.reason)
        }
    }

    package func document(exportedAt: Date) -> MemoryDocument {
        var document = MemoryDocument(exportedAt: exportedAt, patterns: patterns(), attempts: attempts(patternID: nil))
        document.prunedBefore = prunedBefore
        return document
    }

    // MARK: Reading

    package func patterns() -> [LearnedPattern] {
        let tallies = attemptsByID.values.reduce(into: [String: OutcomeTally]()) { $0[$1.patternID, default: OutcomeTally()].add($1.outcome) }
        return patternStates.values.map { $0.pattern(kept: tallies[$0.id] ?? OutcomeTally()) }.sorted(by: MemoryOrder.recentlyUsedFirst)
    }

    package func pattern(id: String) throws(StoreError) -> LearnedPattern? {
        guard let id = try MemoryOrder.resolve(id, among: patternStates.keys) else { return nil }
        return pattern(exactly: id)
    }

    package func patterns(fingerprint: String) -> [LearnedPattern] {
        patternStates.values.filter { $0.fingerprint == fingerprint }.compactMap { pattern(exactly: $0.id) }.sorted(by: MemoryOrder.bestFirst)
    }

    package func attempts(patternID: String?) -> [AttemptRecord] {
        attemptsByID.values.filter { patternID == nil || $0.patternID == patternID }.sorted(by: MemoryOrder.newestFirst)
    }

    package func attempts(finishedSince date: Date) -> [AttemptRecord] {
        attemptsByID.values.filter { $0.finishedAt >= date }.sorted(by: MemoryOrder.newestFirst)
    }

    package func attempts(fingerprint: String, workload: WorkloadKey) -> [AttemptRecord] {
        attemptsByID.values.filter { $0.fingerprint == fingerprint && $0.workload == workload }.sorted(by: MemoryOrder.newestFirst)
    }

    private func pattern(exactly id: String) -> LearnedPattern? {
        guard let state = patternStates[id] else { return nil }
        let tally = attemptsByID.values.reduce(into: OutcomeTally()) { if $1.patternID == id { $0.add($1.outcome) } }
        return state.pattern(kept: tally)
    }

    // MARK: Writing

    /// Appends the attempt (once: a repeated id is not counted again) and updates its pattern.
    @discardableResult
    package mutating func record(_ attempt: AttemptRecord, pattern draft: PatternDraft) -> LearnedPattern {
        recordAttempt(attempt, draft: draft)
        return pattern(exactly: draft.patternID) ?? PatternState(draft: draft, firstAttempt: attempt).pattern(kept: OutcomeTally())
    }

    package mutating func forget(patternID: String) -> Bool {
        guard patternStates.removeValue(forKey: patternID) != nil else { return false }
        attemptsByID = attemptsByID.filter { $0.value.patternID != patternID }
        return true
    }

    package mutating func reset() -> StoreCounts {
        defer { self = MemoryState() }
        return StoreCounts(patterns: patternStates.count, attempts: attemptsByID.count)
    }

    /// Removes patterns not used since `date` (with their attempts) and attempts finished
    /// before it, counting the latter into their pattern's pruned counters.
    package mutating func prune(before date: Date) -> StoreCounts {
        let stale = Set(patternStates.values.filter { $0.lastUsedAt < date }.map(\.id))
        var removed = 0
        for (id, attempt) in attemptsByID where stale.contains(attempt.patternID) || attempt.finishedAt < date {
            attemptsByID[id] = nil
            removed += 1
            if !stale.contains(attempt.patternID) { patternStates[attempt.patternID]?.countPruned(attempt.outcome) }
        }
        for id in stale { patternStates[id] = nil }
        prunedBefore = max(prunedBefore ?? date, date)
        return StoreCounts(patterns: stale.count, attempts: removed)
    }

    /// Merges another memory (see `MemoryWriting.merge`).
    package mutating func importing(_ incoming: MemoryState) -> ImportCounts {
        merge(incoming)
    }

    /// `self` as an import into a store whose prune cutoff is `cutoff`: what that store's prune
    /// already removed is pruned here too; how many attempts that dropped.
    func normalised(for cutoff: Date?) -> (memory: MemoryState, skippedAttempts: Int) {
        guard let cutoff else { return (self, 0) }
        var copy = self
        let removed = copy.prune(before: cutoff).attempts
        copy.prunedBefore = prunedBefore
        return (copy, removed)
    }

    /// Drops the oldest attempts (into the pruned counters, moving `prunedBefore` past them)
    /// until `encode` fits in `limit` bytes; returns the encoding.
    /// Patterns stay: they are small and hold the counts.
    mutating func trim(
        toFit limit: Int, location: String, encode: (MemoryState) throws(StoreError) -> Data
    ) throws(StoreError) -> Data {
        var data = try encode(self)
        while data.count > limit {
            guard !attemptsByID.isEmpty else { throw StoreError.tooLarge(location: location, bytes: data.count, limit: limit) }
            // Attempts dominate the size: drop a share proportional to the excess (at least one),
            // and every attempt that finished at the same instant as the newest one dropped.
            let share = Double(data.count - limit) / Double(data.count)
            let count = min(attemptsByID.count, max(1, Int((Double(attemptsByID.count) * share).rounded(.up))))
            let sorted = attempts(patternID: nil)
            let cut = sorted[sorted.count - count].finishedAt
            for attempt in sorted.reversed() where attempt.finishedAt <= cut {
                attemptsByID[attempt.id] = nil
                patternStates[attempt.patternID]?.countPruned(attempt.outcome)
            }
            let after = Date(timeIntervalSinceReferenceDate: cut.timeIntervalSinceReferenceDate.nextUp)
            prunedBefore = max(prunedBefore ?? after, after)
            data = try encode(self)
        }
        return data
    }
}
