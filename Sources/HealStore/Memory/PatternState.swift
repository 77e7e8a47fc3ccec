import Foundation

/// A pattern as the stores keep it beside its attempts. Its successes and failures are not
/// stored as totals but derived: the attempts kept plus the `pruned…` counters, which count
/// attempts removed by prune (or by the ConfigMap size bound). So pruning never changes a
/// pattern's counts, and merging two stores (max of the pruned counters, union of attempts)
/// counts nothing twice.
package struct PatternState: Sendable, Equatable {
    package var id: String
    package var fingerprint: String
    package var signature: [String: String]
    package var action: String
    package var template: [String: String]
    package var learnedValues: [String: [String: String]]
    package var prunedSuccesses: Int
    package var prunedFailures: Int
    package var createdAt: Date
    package var lastUsedAt: Date

    package init(
        id: String, fingerprint: String, signature: [String: String], action: String, template: [String: String],
        learnedValues: [String: [String: String]], prunedSuccesses: Int, prunedFailures: Int, createdAt: Date, lastUsedAt: Date
    ) {
        self.id = id
        self.fingerprint = fingerprint
        self.signature = signature
        self.action = action
        self.template = template
        self.learnedValues = learnedValues
        self.prunedSuccesses = prunedSuccesses
        self.prunedFailures = prunedFailures
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }

    /// A pattern seen for the first time, with `attempt`.
    package init(draft: PatternDraft, firstAttempt attempt: AttemptRecord) {
        self.init(
            id: draft.patternID, fingerprint: draft.fingerprint, signature: draft.signature, action: draft.action, template: [:],
            learnedValues: [:], prunedSuccesses: 0, prunedFailures: 0, createdAt: attempt.startedAt, lastUsedAt: attempt.finishedAt)
    }

    /// The pattern described by an exported `LearnedPattern` whose kept attempts tally `kept`.
    init(_ pattern: LearnedPattern, kept: OutcomeTally) throws(InvalidMemory) {
        guard pattern.id == LearnedPattern.makeID(fingerprint: pattern.fingerprint, action: pattern.action) else {
            throw InvalidMemory("pattern \(pattern.id) does not match its fingerprint and action")
        }
        guard pattern.successes >= kept.successes, pattern.failures >= kept.failures else {
            throw InvalidMemory(
                "pattern \(pattern.id) counts \(pattern.successes) successes and \(pattern.failures) failures but holds "
                    + "\(kept.successes) successful and \(kept.failures) failed attempts")
        }
        self.init(
            id: pattern.id, fingerprint: pattern.fingerprint, signature: pattern.signature, action: pattern.action,
            template: pattern.template, learnedValues: pattern.learnedValues, prunedSuccesses: pattern.successes - kept.successes,
            prunedFailures: pattern.failures - kept.failures, createdAt: pattern.createdAt, lastUsedAt: pattern.lastUsedAt)
    }

    /// The pattern as callers see it, counting `kept` attempts plus the pruned ones.
    package func pattern(kept: OutcomeTally) -> LearnedPattern {
        LearnedPattern(
            id: id, fingerprint: fingerprint, signature: signature, action: action, template: template, learnedValues: learnedValues,
            successes: kept.successes + prunedSuccesses, failures: kept.failures + prunedFailures, createdAt: createdAt,
            lastUsedAt: lastUsedAt)
    }

    /// What recording `attempt` changes besides appending it: last use, and on success the
    /// value that worked for its workload (and the template, from the first success).
    package mutating func note(_ attempt: AttemptRecord, draft: PatternDraft) {
        lastUsedAt = max(lastUsedAt, attempt.finishedAt)
        if signature.isEmpty { signature = draft.signature }
        guard attempt.outcome == .succeeded else { return }
        if template.isEmpty { template = draft.template }
        if let value = draft.learnedValue { learnedValues[attempt.workload.description] = value }
    }

    /// Merges what another store knows about the same pattern. Commutative on counts and times
    /// and idempotent, so importing one file twice changes nothing: pruned counters take the
    /// maximum (the same pruned attempts may be counted on both sides), times the widest span;
    /// for a workload both sides learned a value for, the side used last wins (ties: this one).
    package mutating func merge(_ other: PatternState) {
        let theirsIsLater = other.lastUsedAt > lastUsedAt
        for (workload, value) in other.learnedValues where learnedValues[workload] == nil || theirsIsLater {
            learnedValues[workload] = value
        }
        if template.isEmpty { template = other.template }
        if signature.isEmpty { signature = other.signature }
        prunedSuccesses = max(prunedSuccesses, other.prunedSuccesses)
        prunedFailures = max(prunedFailures, other.prunedFailures)
        createdAt = min(createdAt, other.createdAt)
        lastUsedAt = max(lastUsedAt, other.lastUsedAt)
    }

    /// Counts an attempt removed by prune.
    mutating func countPruned(_ outcome: AttemptRecord.Outcome) {
        switch outcome.verdict {
        case true?: prunedSuccesses += 1
        case false?: prunedFailures += 1
        case nil: break
        }
    }
}

/// Successes and failures among some attempts; rolled back counts as failed, refused and
/// unverified attempts (never judged) count as neither.
package struct OutcomeTally: Sendable, Equatable {
    package var successes = 0
    package var failures = 0

    package init(successes: Int = 0, failures: Int = 0) {
        self.successes = successes
        self.failures = failures
    }

    package mutating func add(_ outcome: AttemptRecord.Outcome) {
        switch outcome.verdict {
        case true?: successes += 1
        case false?: failures += 1
        case nil: break
        }
    }
}

/// Why a memory document (an import file or the ConfigMap's content) cannot be used.
struct InvalidMemory: Error {
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
