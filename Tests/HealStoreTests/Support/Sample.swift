import Foundation
@testable import HealStore

/// Attempts and patterns as the healing loop would record them.
enum Sample {
    static let epoch = Date(timeIntervalSince1970: 1_795_000_000)
    static let api = WorkloadKey(namespace: "shop", kind: "Deployment", name: "api")
    static let web = WorkloadKey(namespace: "shop", kind: "Deployment", name: "web")

    static func draft(_ fingerprint: String = "oom|api", action: String = "raise-memory-limit", learned: [String: String]? = ["to": "256Mi"]) -> PatternDraft {
        PatternDraft(fingerprint: fingerprint, signature: ["reason": "OOMKilled"], action: action, template: ["container": "api"], learnedValue: learned)
    }

    /// An attempt finishing `minute` minutes after `epoch` (with a sub-millisecond fraction,
    /// so lossy time encodings show).
    static func attempt(
        _ draft: PatternDraft, minute: Double, outcome: AttemptRecord.Outcome = .succeeded, source: AttemptRecord.Source = .rule,
        workload: WorkloadKey = api, id: String = UUID().uuidString.lowercased(), patch: String = #"{"spec":{"replicas":2}}"#
    ) -> AttemptRecord {
        let finished = epoch.addingTimeInterval(minute * 60 + 0.000_123_4)
        return AttemptRecord(
            id: id, patternID: draft.patternID, fingerprint: draft.fingerprint, user: "alice", context: "prod", workload: workload,
            container: "api", findingCode: "oom-killed", action: draft.action, parameters: ["to": "256Mi"], patch: patch,
            priorState: #"{"spec":{"replicas":1}}"#, outcome: outcome, verification: "2 of 2 new pods Ready", source: source,
            incidentSince: finished.addingTimeInterval(-120), detectedAt: finished.addingTimeInterval(-90),
            startedAt: finished.addingTimeInterval(-60), finishedAt: finished, llmCalls: source == .llm ? 1 : 0)
    }

    /// A document holding `count` successful attempts of one pattern (what `learn export` writes).
    static func document(count: Int, draft: PatternDraft = draft(), startMinute: Double = 0) -> MemoryDocument {
        let attempts = (0..<count).map { attempt(draft, minute: startMinute + Double($0)) }
        let pattern = LearnedPattern(
            id: draft.patternID, fingerprint: draft.fingerprint, signature: draft.signature, action: draft.action, template: draft.template,
            learnedValues: draft.learnedValue.map { ["shop/Deployment/api": $0] } ?? [:], successes: count, failures: 0,
            createdAt: attempts.first?.startedAt ?? epoch, lastUsedAt: attempts.last?.finishedAt ?? epoch)
        return MemoryDocument(exportedAt: epoch, patterns: [pattern], attempts: attempts.reversed())
    }

    static func encoded(_ document: MemoryDocument) throws -> Data {
        try MemoryCoding.encoder(pretty: false).encode(document)
    }
}
