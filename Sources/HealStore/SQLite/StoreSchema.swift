import GRDB

/// The SQLite schema, versioned by GRDB migrations (table `grdb_migrations`) and mirrored in
/// `PRAGMA user_version` so other tools see the version too. Policy: migrations are only ever
/// appended, never edited; a store whose migrations this build does not know was written by a
/// newer kubectl-heal and is refused (`StoreError.newerSchema`) rather than guessed at.
enum StoreSchema {
    /// The schema version this build writes (= the number of migrations).
    static let version = 1

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
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
                PRAGMA user_version = 1;
                """)
        }
        return migrator
    }
}
