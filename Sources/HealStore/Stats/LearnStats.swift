import Foundation

/// What `learn stats` reports, computed from the attempts the store keeps (pruned attempts
/// are only counted in `attemptsPruned`).
///
/// - An **incident** is one problem on one workload as the loop detected it: the attempts that
///   share fingerprint, workload and `detectedAt` (a first action may fail and a second fix it).
///   It is **fixed** when one of its attempts succeeded, else **unresolved**.
/// - **Mean time to detect**: over incidents whose start is known, from when the problem state
///   began (the finding's `since`) to detection.
/// - **Mean time to repair**: over fixed incidents, from detection to the end of the
///   verification of the attempt that fixed it.
/// - **LLM calls avoided**: attempts replayed from a learned pattern that an LLM planned first
///   (its pattern has an `llm` attempt). Without the memory each would have needed a fresh LLM
///   plan, at least one call — so this is a lower bound. Replays of rule fixes do not count: the
///   rule would have planned them without a call.
package struct LearnStats: Codable, Sendable, Equatable {
    package struct Incidents: Codable, Sendable, Equatable {
        package var handled = 0
        package var fixed = 0
        package var unresolved = 0
    }

    package struct Attempts: Codable, Sendable, Equatable {
        package var total = 0
        package var succeeded = 0
        package var rolledBack = 0
        package var failed = 0
        /// Not applied (dry run, missing reference or someone else's change).
        package var refused = 0
        /// Applied, left unverified (API server unreachable, or the restore refused).
        package var unverified = 0
        /// Restored because the run was interrupted before it verified.
        package var interrupted = 0
        /// By plan source: `rule`, `learned`, `llm` (every source listed, zeros included).
        package var bySource: [String: Int] = [:]
    }

    package var patterns: Int
    package var incidents: Incidents
    package var attempts: Attempts
    /// Attempts removed by prune or the size bound: counted in the patterns, not listed here.
    package var attemptsPruned: Int
    package var meanTimeToDetectSeconds: Double?
    package var meanTimeToRepairSeconds: Double?
    package var llmCalls: Int
    package var llmCallsAvoided: Int
    /// The span the kept attempts cover.
    package var firstDetectedAt: Date?
    package var lastFinishedAt: Date?

    package init(patterns: [LearnedPattern], attempts records: [AttemptRecord]) {
        self.patterns = patterns.count
        attempts = Attempts(bySource: Dictionary(uniqueKeysWithValues: AttemptRecord.Source.allCases.map { ($0.rawValue, 0) }))
        for record in records {
            attempts.total += 1
            switch record.outcome {
            case .succeeded: attempts.succeeded += 1
            case .rolledBack: attempts.rolledBack += 1
            case .failed: attempts.failed += 1
            case .refused: attempts.refused += 1
            case .unverified: attempts.unverified += 1
            case .interrupted: attempts.interrupted += 1
            }
            attempts.bySource[record.source.rawValue, default: 0] += 1
        }
        attemptsPruned = max(0, patterns.reduce(0) { $0 + $1.successes + $1.failures } - records.filter { $0.outcome.verdict != nil }.count)
        llmCalls = records.reduce(0) { $0 + $1.llmCalls }
        let planned = Set(records.filter { $0.source == .llm }.map(\.patternID))
        llmCallsAvoided = records.count { $0.source == .learned && planned.contains($0.patternID) }
        firstDetectedAt = records.map(\.detectedAt).min()
        lastFinishedAt = records.map(\.finishedAt).max()

        let grouped = Dictionary(grouping: records) { IncidentKey(fingerprint: $0.fingerprint, workload: $0.workload, detectedAt: $0.detectedAt) }
        incidents = Incidents()
        var detect: [Double] = []
        var repair: [Double] = []
        for attempts in grouped.values {
            incidents.handled += 1
            if let seconds = attempts.compactMap(\.timeToDetectSeconds).min() { detect.append(seconds) }
            if let fix = attempts.filter({ $0.outcome == .succeeded }).min(by: { $0.finishedAt < $1.finishedAt }) {
                incidents.fixed += 1
                repair.append(fix.timeToRepairSeconds)
            } else {
                incidents.unresolved += 1
            }
        }
        meanTimeToDetectSeconds = Self.mean(detect)
        meanTimeToRepairSeconds = Self.mean(repair)
    }

    private struct IncidentKey: Hashable {
        var fingerprint: String
        var workload: WorkloadKey
        var detectedAt: Date
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
