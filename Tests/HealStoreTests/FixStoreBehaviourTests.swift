import Foundation
import Testing
@testable import HealStore

/// What every store promises, run against SQLite, the ConfigMap (on the fake API server) and
/// the in-memory store alike.
@Suite("Fix stores behave alike")
struct FixStoreBehaviourTests {
    @Test("recording counts successes and failures, learns values per workload, and lists patterns by last use", arguments: StoreKind.allCases)
    func recording(kind: StoreKind) async throws {
        let opened = try kind.open()
        let store = opened.store
        let oom = Sample.draft()
        let image = Sample.draft("image|web", action: "set-image", learned: ["image": "nginx:1.27"])
        try await store.record(Sample.attempt(oom, minute: 1, outcome: .rolledBack), pattern: oom)
        let afterFailure = try await store.record(Sample.attempt(oom, minute: 2), pattern: oom)
        try await store.record(Sample.attempt(image, minute: 3, workload: Sample.web), pattern: image)

        #expect(afterFailure.successes == 1)
        #expect(afterFailure.failures == 1)
        #expect(afterFailure.learnedValues == ["shop/Deployment/api": ["to": "256Mi"]])
        #expect(afterFailure.template == ["container": "api"])
        #expect(try await store.patterns().map(\.id) == [image.patternID, oom.patternID])
        #expect(try await store.patterns(fingerprint: "oom|api").map(\.id) == [oom.patternID])
        let attempts = try await store.attempts(patternID: oom.patternID)
        #expect(attempts.map(\.outcome) == [.succeeded, .rolledBack], "newest first")
        #expect(try await store.attempts(fingerprint: "image|web", workload: Sample.web).count == 1)
        #expect(try await store.attempts(fingerprint: "image|web", workload: Sample.api).isEmpty)
        #expect(try await store.attempts(patternID: nil).count == 3)
    }

    @Test("recording the same attempt twice counts it once", arguments: StoreKind.allCases)
    func duplicateRecord(kind: StoreKind) async throws {
        let opened = try kind.open()
        let draft = Sample.draft()
        let attempt = Sample.attempt(draft, minute: 1)
        try await opened.store.record(attempt, pattern: draft)
        let again = try await opened.store.record(attempt, pattern: draft)
        #expect(again.successes == 1)
        #expect(try await opened.store.attempts(patternID: nil).count == 1)
    }

    @Test("a pattern is found by its id or a unique prefix of 4+ characters; an ambiguous prefix is an error", arguments: StoreKind.allCases)
    func prefixes(kind: StoreKind) async throws {
        let opened = try kind.open()
        let store = opened.store
        // Two drafts whose ids share their first four characters (a birthday search), and one other.
        var seen: [Substring: PatternDraft] = [:]
        var twins: (PatternDraft, PatternDraft)?
        for index in 0..<5000 where twins == nil {
            let draft = Sample.draft("f\(index)")
            if let earlier = seen[draft.patternID.prefix(4)] { twins = (earlier, draft) } else { seen[draft.patternID.prefix(4)] = draft }
        }
        let (first, second) = try #require(twins)
        let other = try #require(seen.values.first { $0.patternID.prefix(4) != first.patternID.prefix(4) })
        for (index, draft) in [first, second, other].enumerated() {
            try await store.record(Sample.attempt(draft, minute: Double(index)), pattern: draft)
        }
        #expect(try await store.pattern(id: first.patternID)?.id == first.patternID)
        #expect(try await store.pattern(id: String(other.patternID.prefix(4)))?.id == other.patternID)
        #expect(try await store.pattern(id: String(other.patternID.prefix(3))) == nil, "too short to be a prefix")
        #expect(try await store.pattern(id: "zzzz") == nil)
        let prefix = String(first.patternID.prefix(4))
        await #expect(throws: StoreError.ambiguousID(prefix, matches: [first.patternID, second.patternID].sorted())) {
            _ = try await store.pattern(id: prefix)
        }
    }

    @Test("forget removes one pattern with its attempts; reset removes everything", arguments: StoreKind.allCases)
    func forgetAndReset(kind: StoreKind) async throws {
        let opened = try kind.open()
        let store = opened.store
        let oom = Sample.draft()
        let image = Sample.draft("image|web", action: "set-image")
        try await store.record(Sample.attempt(oom, minute: 1), pattern: oom)
        try await store.record(Sample.attempt(oom, minute: 2), pattern: oom)
        try await store.record(Sample.attempt(image, minute: 3), pattern: image)

        #expect(try await store.forget(patternID: oom.patternID))
        #expect(try await store.forget(patternID: oom.patternID) == false)
        #expect(try await store.patterns().map(\.id) == [image.patternID])
        #expect(try await store.attempts(patternID: nil).map(\.patternID) == [image.patternID])
        #expect(try await store.reset() == StoreCounts(patterns: 1, attempts: 1))
        #expect(try await store.patterns().isEmpty)
        #expect(try await store.attempts(patternID: nil).isEmpty)
    }

    @Test("prune removes old attempts and unused patterns, and pattern counts survive it", arguments: StoreKind.allCases)
    func prune(kind: StoreKind) async throws {
        let opened = try kind.open()
        let store = opened.store
        let live = Sample.draft()
        let stale = Sample.draft("stale", action: "rollback")
        try await store.record(Sample.attempt(stale, minute: 0), pattern: stale)
        try await store.record(Sample.attempt(live, minute: 1, outcome: .failed), pattern: live)
        try await store.record(Sample.attempt(live, minute: 2), pattern: live)
        try await store.record(Sample.attempt(live, minute: 10), pattern: live)

        let counts = try await store.prune(before: Sample.epoch.addingTimeInterval(5 * 60))
        #expect(counts == StoreCounts(patterns: 1, attempts: 3))
        let pattern = try #require(try await store.pattern(id: live.patternID))
        #expect(pattern.successes == 2)
        #expect(pattern.failures == 1)
        #expect(try await store.attempts(patternID: nil).count == 1)
        #expect(try await store.pattern(id: stale.patternID) == nil)
        let later = try await store.record(Sample.attempt(live, minute: 11, outcome: .failed), pattern: live)
        #expect(later.successes == 2)
        #expect(later.failures == 2, "counts keep adding up after a prune")
    }

    @Test("export then import into an empty store reproduces the memory exactly", arguments: StoreKind.allCases)
    func roundTrip(kind: StoreKind) async throws {
        let source = try kind.open()
        let oom = Sample.draft()
        try await source.store.record(Sample.attempt(oom, minute: 1, outcome: .rolledBack), pattern: oom)
        try await source.store.record(Sample.attempt(oom, minute: 2, source: .llm), pattern: oom)
        _ = try await source.store.prune(before: Sample.epoch.addingTimeInterval(90))
        let exported = try await source.store.export()
        // Through the file format, as `learn export` / `learn import` do.
        let decoded = try MemoryDocument.decodeChecked(try Sample.encoded(exported), source: "export.json")
        #expect(decoded.attempts == exported.attempts)

        let target = try kind.open()
        let counts = try await target.store.importing(decoded)
        #expect(counts == ImportCounts(patternsAdded: 1, patternsMerged: 0, attemptsAdded: 1, attemptsSkipped: 0))
        var again = try await target.store.export()
        again.exportedAt = exported.exportedAt
        #expect(again == exported)
    }

    @Test("importing the same file twice changes nothing, and merging adds the other side's attempts", arguments: StoreKind.allCases)
    func importTwice(kind: StoreKind) async throws {
        let opened = try kind.open()
        let store = opened.store
        let draft = Sample.draft()
        try await store.record(Sample.attempt(draft, minute: 1, outcome: .failed), pattern: draft)
        let theirs = Sample.document(count: 3, draft: Sample.draft(learned: ["to": "512Mi"]), startMinute: 5)

        let first = try await store.importing(theirs)
        #expect(first == ImportCounts(patternsAdded: 0, patternsMerged: 1, attemptsAdded: 3, attemptsSkipped: 0))
        let merged = try await store.export()
        let second = try await store.importing(theirs)
        #expect(second == ImportCounts(patternsAdded: 0, patternsMerged: 0, attemptsAdded: 0, attemptsSkipped: 3))
        var after = try await store.export()
        after.exportedAt = merged.exportedAt
        #expect(after == merged)
        let pattern = try #require(merged.patterns.first)
        #expect(pattern.successes == 3)
        #expect(pattern.failures == 1)
        #expect(pattern.learnedValues["shop/Deployment/api"] == ["to": "512Mi"], "their value is the one used last")
    }

    @Test("an old export does not bring back attempts the store pruned, nor count them twice", arguments: StoreKind.allCases)
    func importAfterPrune(kind: StoreKind) async throws {
        let opened = try kind.open()
        let store = opened.store
        let draft = Sample.draft()
        for minute in 0..<4 { try await store.record(Sample.attempt(draft, minute: Double(minute)), pattern: draft) }
        let backup = try await store.export()
        _ = try await store.prune(before: Sample.epoch.addingTimeInterval(150))

        let counts = try await store.importing(backup)
        #expect(counts.attemptsAdded == 0)
        #expect(counts.attemptsSkipped == 4)
        #expect(try await store.pattern(id: draft.patternID)?.successes == 4)
        #expect(try await store.attempts(patternID: nil).count == 1)
    }

    @Test("secret-looking values are masked before they reach the store", arguments: StoreKind.allCases)
    func redaction(kind: StoreKind) async throws {
        let opened = try kind.open()
        let draft = PatternDraft(
            fingerprint: "env", signature: [:], action: "set-env", template: ["DB_PASSWORD": "hunter2"], learnedValue: ["api_token": "s3cr3t-value"])
        let attempt = Sample.attempt(draft, minute: 1, patch: #"{"env":"MYSQL_PASSWORD=hunter2 Authorization: Bearer abcdefgh12345678"}"#)
        try await opened.store.record(attempt, pattern: draft)
        let text = String(decoding: try Sample.encoded(try await opened.store.export()), as: UTF8.self)
        #expect(!text.contains("hunter2"))
        #expect(!text.contains("s3cr3t-value"))
        #expect(!text.contains("abcdefgh12345678"))
        #expect(text.contains("<redacted>"))
    }
}
