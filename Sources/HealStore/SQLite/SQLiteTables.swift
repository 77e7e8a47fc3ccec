import Foundation
import GRDB

/// The store's tables inside one open transaction: the `MemoryWriting` primitives, plus the
/// reads both the store and the write rules need.
struct SQLiteTables: MemoryWriting {
    typealias Failure = any Error

    let db: Database

    // MARK: Patterns

    /// Patterns with the tally of their kept attempts; `condition` filters `pattern p`.
    func patternStates(where condition: String = "1", _ arguments: StatementArguments = []) throws -> [(PatternState, OutcomeTally)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.*,
                (SELECT count(*) FROM attempt a WHERE a.patternID = p.id AND a.outcome = 'succeeded') AS keptSuccesses,
                (SELECT count(*) FROM attempt a WHERE a.patternID = p.id AND a.outcome IN ('rolled-back', 'failed')) AS keptFailures
            FROM pattern p WHERE \(condition)
            """, arguments: arguments)
        let ids = rows.map { $0["id"] as String }
        var values: [String: [String: [String: String]]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM learnedValue WHERE patternID IN (SELECT value FROM json_each(?))", arguments: [Self.json(ids)]) {
            values[row["patternID"], default: [:]][row["workload"]] = try Self.decode(row["parameters"], "learnedValue.parameters")
        }
        return try rows.map { row in
            let state = PatternState(
                id: row["id"], fingerprint: row["fingerprint"], signature: try Self.decode(row["signature"], "pattern.signature"),
                action: row["action"], template: try Self.decode(row["template"], "pattern.template"),
                learnedValues: values[row["id"]] ?? [:], prunedSuccesses: row["prunedSuccesses"], prunedFailures: row["prunedFailures"],
                createdAt: Date(timeIntervalSinceReferenceDate: row["createdAt"]), lastUsedAt: Date(timeIntervalSinceReferenceDate: row["lastUsedAt"]))
            return (state, OutcomeTally(successes: row["keptSuccesses"], failures: row["keptFailures"]))
        }
    }

    func patterns(where condition: String = "1", _ arguments: StatementArguments = []) throws -> [LearnedPattern] {
        try patternStates(where: condition, arguments).map { $0.pattern(kept: $1) }
    }

    func patternState(id: String) throws -> PatternState? {
        try patternStates(where: "p.id = ?", [id]).first?.0
    }

    func save(_ state: PatternState) throws {
        try db.execute(sql: """
            INSERT INTO pattern (id, fingerprint, signature, action, template, prunedSuccesses, prunedFailures, createdAt, lastUsedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET signature = excluded.signature, template = excluded.template,
                prunedSuccesses = excluded.prunedSuccesses, prunedFailures = excluded.prunedFailures,
                createdAt = excluded.createdAt, lastUsedAt = excluded.lastUsedAt
            """, arguments: [
                state.id, state.fingerprint, try Self.json(state.signature), state.action, try Self.json(state.template),
                state.prunedSuccesses, state.prunedFailures, state.createdAt.timeIntervalSinceReferenceDate, state.lastUsedAt.timeIntervalSinceReferenceDate,
            ])
        try db.execute(sql: "DELETE FROM learnedValue WHERE patternID = ?", arguments: [state.id])
        for (workload, parameters) in state.learnedValues {
            try db.execute(
                sql: "INSERT INTO learnedValue (patternID, workload, parameters) VALUES (?, ?, ?)",
                arguments: [state.id, workload, try Self.json(parameters)])
        }
    }

    // MARK: Attempts

    func attempts(where condition: String = "1", _ arguments: StatementArguments = []) throws -> [AttemptRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM attempt WHERE \(condition) ORDER BY finishedAt DESC, id DESC", arguments: arguments)
            .map(Self.attempt)
    }

    func hasAttempt(id: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM attempt WHERE id = ?)", arguments: [id]) ?? false
    }

    func append(_ attempt: AttemptRecord) throws {
        try db.execute(sql: """
            INSERT INTO attempt (id, patternID, fingerprint, user, context, workloadNamespace, workloadKind, workloadName, container,
                findingCode, action, parameters, patch, priorState, outcome, verification, source, incidentSince, detectedAt, startedAt,
                finishedAt, llmCalls)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                attempt.id, attempt.patternID, attempt.fingerprint, attempt.user, attempt.context, attempt.workload.namespace,
                attempt.workload.kind, attempt.workload.name, attempt.container, attempt.findingCode, attempt.action,
                try Self.json(attempt.parameters), attempt.patch, attempt.priorState, attempt.outcome.rawValue, attempt.verification,
                attempt.source.rawValue, attempt.incidentSince?.timeIntervalSinceReferenceDate, attempt.detectedAt.timeIntervalSinceReferenceDate,
                attempt.startedAt.timeIntervalSinceReferenceDate, attempt.finishedAt.timeIntervalSinceReferenceDate, attempt.llmCalls,
            ])
    }

    private static func attempt(_ row: Row) throws -> AttemptRecord {
        let outcome: String = row["outcome"]
        let source: String = row["source"]
        guard let outcomeValue = AttemptRecord.Outcome(rawValue: outcome), let sourceValue = AttemptRecord.Source(rawValue: source) else {
            throw InvalidMemory("attempt \(row["id"] as String) has outcome \"\(outcome)\" and source \"\(source)\"")
        }
        let since: Double? = row["incidentSince"]
        return AttemptRecord(
            id: row["id"], patternID: row["patternID"], fingerprint: row["fingerprint"], user: row["user"], context: row["context"],
            workload: WorkloadKey(namespace: row["workloadNamespace"], kind: row["workloadKind"], name: row["workloadName"]),
            container: row["container"], findingCode: row["findingCode"], action: row["action"],
            parameters: try decode(row["parameters"], "attempt.parameters"), patch: row["patch"], priorState: row["priorState"],
            outcome: outcomeValue, verification: row["verification"], source: sourceValue,
            incidentSince: since.map(Date.init(timeIntervalSinceReferenceDate:)), detectedAt: Date(timeIntervalSinceReferenceDate: row["detectedAt"]),
            startedAt: Date(timeIntervalSinceReferenceDate: row["startedAt"]), finishedAt: Date(timeIntervalSinceReferenceDate: row["finishedAt"]),
            llmCalls: row["llmCalls"])
    }

    // MARK: Settings

    func pruneCutoff() throws -> Date? {
        try Double.fetchOne(db, sql: "SELECT value FROM setting WHERE name = 'prunedBefore'").map(Date.init(timeIntervalSinceReferenceDate:))
    }

    func raisePruneCutoff(to date: Date) throws {
        try db.execute(
            sql: "INSERT INTO setting (name, value) VALUES ('prunedBefore', ?) ON CONFLICT(name) DO UPDATE SET value = max(value, excluded.value)",
            arguments: [date.timeIntervalSinceReferenceDate])
    }

    // MARK: JSON columns

    private static func json(_ value: some Encodable) throws -> String {
        String(decoding: try MemoryCoding.encoder(pretty: false).encode(value), as: UTF8.self)
    }

    private static func decode(_ text: String, _ column: String) throws -> [String: String] {
        do {
            return try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
        } catch {
            throw InvalidMemory("column \(column) does not hold a JSON object of strings")
        }
    }
}
