import GRDB

/// The SQLite schema, versioned by `PRAGMA user_version` (0: a new file). Policy: migrations
/// are only ever appended, never edited; a store with a version this build does not know was
/// written by a newer kubectl-heal and is refused (`StoreError.newerSchema`), not guessed at.
///
/// Not GRDB's `DatabaseMigrator`: it decides which migrations to run outside the write
/// transaction, so two processes creating one store at once both ran v1. Here the version
/// check and the migrations share one IMMEDIATE transaction (user_version is transactional):
/// the second process waits, then finds the schema in place.
enum StoreSchema {
    /// Migration n (1-based) takes the schema from version n-1 to n.
    private static let migrations: [@Sendable (Database) throws -> Void] = [v1]

    /// The schema version this build writes.
    static var version: Int { migrations.count }

    /// Brings the store to `version`; call inside a write transaction.
    static func migrate(_ db: Database, path: String) throws {
        let found = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        guard found <= version else { throw StoreError.newerSchema(location: path, found: found, supported: version) }
        if found == 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0 > 0 {
            throw StoreError.corrupt(location: path, reason: "it is an SQLite database, but not a kubectl-heal store")
        }
        guard found < version else { return }
        for migration in migrations[found...] { try migration(db) }
        try db.execute(sql: "PRAGMA user_version = \(version)")
    }

    private static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE pattern (
                id TEXT PRIMARY KEY NOT NULL,
                fingerprint TEXT NOT NULL,
                signature TEXT NOT NULL,        -- JSON object
                action TEXT NOT NULL,
                template TEXT NOT NULL,         -- JSON object
                prunedSuccesses INTEGER NOT NULL DEFAULT 0,
                prunedFailures INTEGER NOT NULL DEFAULT 0,
                createdAt DOUBLE NOT NULL,      -- times: seconds since 2001-01-01 UTC, a Date's exact value
                lastUsedAt DOUBLE NOT NULL
            );
            CREATE INDEX pattern_fingerprint ON pattern(fingerprint);

            CREATE TABLE learnedValue (
                patternID TEXT NOT NULL REFERENCES pattern(id) ON DELETE CASCADE,
                workload TEXT NOT NULL,         -- namespace/Kind/name
                parameters TEXT NOT NULL,       -- JSON object
                PRIMARY KEY (patternID, workload)
            ) WITHOUT ROWID;

            CREATE TABLE attempt (
                id TEXT PRIMARY KEY NOT NULL,
                patternID TEXT NOT NULL REFERENCES pattern(id) ON DELETE CASCADE,
                fingerprint TEXT NOT NULL,
                user TEXT NOT NULL,
                context TEXT NOT NULL,
                workloadNamespace TEXT NOT NULL,
                workloadKind TEXT NOT NULL,
                workloadName TEXT NOT NULL,
                container TEXT,
                findingCode TEXT NOT NULL,
                action TEXT NOT NULL,
                parameters TEXT NOT NULL,       -- JSON object
                patch TEXT NOT NULL,
                priorState TEXT NOT NULL,
                outcome TEXT NOT NULL,
                verification TEXT NOT NULL,
                source TEXT NOT NULL,
                incidentSince DOUBLE,
                detectedAt DOUBLE NOT NULL,
                startedAt DOUBLE NOT NULL,
                finishedAt DOUBLE NOT NULL,
                llmCalls INTEGER NOT NULL
            );
            CREATE INDEX attempt_pattern ON attempt(patternID, finishedAt);
            CREATE INDEX attempt_workload ON attempt(fingerprint, workloadNamespace, workloadKind, workloadName, finishedAt);
            CREATE INDEX attempt_finished ON attempt(finishedAt);
            -- The audit trail is append-only: forget, reset and prune delete, nothing edits.
            CREATE TRIGGER attempt_append_only BEFORE UPDATE ON attempt
            BEGIN SELECT RAISE(ABORT, 'attempts are append-only'); END;

            CREATE TABLE setting (name TEXT PRIMARY KEY NOT NULL, value) WITHOUT ROWID;
            """)
    }
}
