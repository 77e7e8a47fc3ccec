import Foundation
import Testing
@testable import HealStore

@Suite("learn stats")
struct LearnStatsTests {
    @Test("incidents group attempts by fingerprint, workload and detection; MTTD, MTTR and LLM calls avoided follow their definitions")
    func figures() throws {
        let draft = Sample.draft()
        let detected = Sample.epoch
        func attempt(_ outcome: AttemptRecord.Outcome, _ source: AttemptRecord.Source, workload: WorkloadKey, detectedAt: Date, finishedAfter: Double, since: Double?, llm: Int = 0) -> AttemptRecord {
            var record = Sample.attempt(draft, minute: 0, outcome: outcome, source: source, workload: workload)
            record.detectedAt = detectedAt
            record.incidentSince = since.map { detectedAt.addingTimeInterval(-$0) }
            record.startedAt = detectedAt.addingTimeInterval(1)
            record.finishedAt = detectedAt.addingTimeInterval(finishedAfter)
            record.llmCalls = llm
            return record
        }
        let attempts = [
            // Incident 1 on api: a rollback, then a fix 100s after detection. Detected 30s late.
            attempt(.rolledBack, .rule, workload: Sample.api, detectedAt: detected, finishedAfter: 50, since: 30),
            attempt(.succeeded, .llm, workload: Sample.api, detectedAt: detected, finishedAfter: 100, since: 30, llm: 2),
            // Incident 2 on web: fixed from memory in 20s, detected 10s late.
            attempt(.succeeded, .learned, workload: Sample.web, detectedAt: detected.addingTimeInterval(600), finishedAfter: 20, since: 10),
            // Incident 3 on api, later: failed, start unknown.
            attempt(.failed, .learned, workload: Sample.api, detectedAt: detected.addingTimeInterval(900), finishedAfter: 5, since: nil),
        ]
        var state = MemoryState()
        var pattern = state.record(attempts[0], pattern: draft)
        pattern.successes = 5
        pattern.failures = 3

        let stats = LearnStats(patterns: [pattern], attempts: attempts)
        #expect(stats.patterns == 1)
        #expect(stats.incidents.handled == 3)
        #expect(stats.incidents.fixed == 2)
        #expect(stats.incidents.unresolved == 1)
        #expect(stats.attempts.total == 4)
        #expect(stats.attempts.succeeded == 2)
        #expect(stats.attempts.rolledBack == 1)
        #expect(stats.attempts.failed == 1)
        #expect(stats.attempts.bySource == ["rule": 1, "learned": 2, "llm": 1])
        #expect(stats.meanTimeToDetectSeconds == 20)
        #expect(stats.meanTimeToRepairSeconds == 60)
        #expect(stats.llmCalls == 2)
        #expect(stats.llmCallsAvoided == 2)
        #expect(stats.attemptsPruned == 4)

        // Replays of a pattern no LLM planned avoided no call: the rule plans those without one.
        let ruleOnly = attempts.filter { $0.source != .llm }
        #expect(LearnStats(patterns: [pattern], attempts: ruleOnly).llmCallsAvoided == 0)
    }

    @Test("an empty memory has no means")
    func empty() {
        let stats = LearnStats(patterns: [], attempts: [])
        #expect(stats.incidents.handled == 0)
        #expect(stats.meanTimeToDetectSeconds == nil)
        #expect(stats.meanTimeToRepairSeconds == nil)
    }
}
