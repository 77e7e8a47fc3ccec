import Foundation
import GRDB

/// The memory in a local SQLite file (GRDB `DatabasePool`, WAL mode). Several processes may
/// use one file at once: each write is one IMMEDIATE transaction, and a writer that finds the
/// file locked waits up to `busyTimeout` instead of failing. SQLite's journal makes every
/// transaction all-or-nothing, also when a process is killed mid-write.
package final class SQLiteFixStore: FixStore {
    /// How long a write waits for another process's transaction before giving up.
    package static let busyTimeout: TimeInterval = 30

    package let location: String
    private let pool: DatabasePool
    private let now: @Sendable () -> Date

    /// Opens (creating it with mode 0600, its folder 0700) and migrates the store at `path`.
    /// Never deletes or rewrites a file it cannot read: that is `StoreError.corrupt`.
    package init(path: String, now: @escaping @Sendable () -> Date = Date.init) throws(StoreError) {
        location = path
        self.now = now
        try Self.prepareFile(at: path)
        pool = try Self.openPool(path: path)
    }

    /// Opens an existing store to read it only (a timeline): no file or folder is created and
    /// nothing is migrated; a store of another schema version is refused with its reason.
    package init(readingOnly path: String, now: @escaping @Sendable () -> Date = Date.init) throws(StoreError) {
        location = path
        self.now = now
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.cannotOpen(location: path, reason: "no such file") }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "kubectl-heal.store"
        let found: Int
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            found = try pool.read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
        } catch {
            throw Self.storeError(error, path: path)
        }
        guard found <= StoreSchema.version else { throw StoreError.newerSchema(location: path, found: found, supported: StoreSchema.version) }
        guard found == StoreSchema.version else {
            throw StoreError.cannotOpen(location: path, reason: "it was written by an older kubectl-heal (schema \(found)); any `kubectl heal learn` command updates it")
        }
    }

    /// Opens and migrates. Retries briefly while another process is creating the same file.
    private static func openPool(path: String) throws(StoreError) -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "kubectl-heal.store"
        var retries = 0
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try pool.write { db in try StoreSchema.migrate(db, path: path) }
                return pool
            } catch let error as DatabaseError where retries < 100 && isOpenRace(error) {
                retries += 1
                usleep(UInt32.random(in: 5_000...30_000))
            } catch {
                throw storeError(error, path: path)
            }
        }
    }

    /// Two processes creating the same new file: switching it to WAL needs a lock the other
    /// may hold for a moment, and GRDB reports that as a plain error rather than SQLITE_BUSY.
    private static func isOpenRace(_ error: DatabaseError) -> Bool {
        [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) || (error.message ?? "").contains("could not activate WAL")
    }

    // MARK: Reading

    package func patterns() async throws(StoreError) -> [LearnedPattern] {
        try await read { try $0.patterns().sorted(by: MemoryOrder.recentlyUsedFirst) }
    }

    package func pattern(id: String) async throws(StoreError) -> LearnedPattern? {
        try await read { tables in
            let pattern = "\(id.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_"))%"
            let candidates = try String.fetchAll(tables.db, sql: "SELECT id FROM pattern WHERE id LIKE ? ESCAPE '\\'", arguments: [pattern])
            guard let match = try MemoryOrder.resolve(id, among: candidates) else { return nil }
            return try tables.patterns(where: "p.id = ?", [match]).first
        }
    }

    package func patterns(fingerprint: String) async throws(StoreError) -> [LearnedPattern] {
        try await read { try $0.patterns(where: "p.fingerprint = ?", [fingerprint]).sorted(by: MemoryOrder.bestFirst) }
    }

    package func attempts(patternID: String?) async throws(StoreError) -> [AttemptRecord] {
        try await read { tables in
            guard let patternID else { return try tables.attempts() }
            return try tables.attempts(where: "patternID = ?", [patternID])
        }
    }

    package func attempts(finishedSince date: Date) async throws(StoreError) -> [AttemptRecord] {
        try await read { try $0.attempts(where: "finishedAt >= ?", [date.timeIntervalSinceReferenceDate]) }
    }

    package func attempts(fingerprint: String, workload: WorkloadKey) async throws(StoreError) -> [AttemptRecord] {
        try await read {
            try $0.attempts(
                where: "fingerprint = ? AND workloadNamespace = ? AND workloadKind = ? AND workloadName = ?",
                [fingerprint, workload.namespace, workload.kind, workload.name])
        }
    }

    package func export() async throws(StoreError) -> MemoryDocument {
        try await read { tables in
            var document = MemoryDocument(
                exportedAt: self.now(), patterns: try tables.patterns().sorted(by: MemoryOrder.recentlyUsedFirst), attempts: try tables.attempts())
            document.prunedBefore = try tables.pruneCutoff()
            return document
        }
    }

    // MARK: Writing

    @discardableResult
    package func record(_ attempt: AttemptRecord, pattern draft: PatternDraft) async throws(StoreError) -> LearnedPattern {
        try await write { tables in
            try tables.recordAttempt(attempt, draft: draft)
            guard let pattern = try tables.patterns(where: "p.id = ?", [draft.patternID]).first else {
                throw InvalidMemory("pattern \(draft.patternID) vanished while recording")
            }
            return pattern
        }
    }

    package func forget(patternID: String) async throws(StoreError) -> Bool {
        try await write { tables in
            try tables.db.execute(sql: "DELETE FROM pattern WHERE id = ?", arguments: [patternID])
            return tables.db.changesCount > 0
        }
    }

    package func reset() async throws(StoreError) -> StoreCounts {
        try await write { tables in
            let counts = try Self.counts(tables.db)
            try tables.db.execute(sql: "DELETE FROM attempt; DELETE FROM learnedValue; DELETE FROM pattern; DELETE FROM setting")
            return counts
        }
    }

    /// `MemoryState.prune`, in SQL: the same rules without loading the store.
    package func prune(before date: Date) async throws(StoreError) -> StoreCounts {
        let cutoff = date.timeIntervalSinceReferenceDate
        return try await write { tables in
            let db = tables.db
            let stale = "SELECT id FROM pattern WHERE lastUsedAt < :cutoff"
            let attempts = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM attempt WHERE finishedAt < :cutoff OR patternID IN (\(stale))", arguments: ["cutoff": cutoff]) ?? 0
            try db.execute(sql: "DELETE FROM pattern WHERE lastUsedAt < :cutoff", arguments: ["cutoff": cutoff])
            let patterns = db.changesCount
            try db.execute(sql: """
                UPDATE pattern SET
                    prunedSuccesses = prunedSuccesses + (SELECT count(*) FROM attempt a WHERE a.patternID = pattern.id AND a.finishedAt < :cutoff AND a.outcome = 'succeeded'),
                    prunedFailures = prunedFailures + (SELECT count(*) FROM attempt a WHERE a.patternID = pattern.id AND a.finishedAt < :cutoff AND a.outcome IN ('rolled-back', 'failed'));
                DELETE FROM attempt WHERE finishedAt < :cutoff;
                """, arguments: ["cutoff": cutoff])
            try tables.raisePruneCutoff(to: date)
            return StoreCounts(patterns: patterns, attempts: attempts)
        }
    }

    package func importing(_ document: MemoryDocument) async throws(StoreError) -> ImportCounts {
        let incoming = try MemoryState.checked(document)
        return try await write { tables in try tables.merge(incoming) }
    }

    // MARK: Plumbing

    private func read<Value: Sendable>(_ body: @escaping @Sendable (SQLiteTables) throws -> Value) async throws(StoreError) -> Value {
        do {
            return try await pool.read { db in try body(SQLiteTables(db: db)) }
        } catch {
            throw Self.storeError(error, path: location)
        }
    }

    /// One IMMEDIATE transaction: committed whole or not at all.
    private func write<Value: Sendable>(_ body: @escaping @Sendable (inout SQLiteTables) throws -> Value) async throws(StoreError) -> Value {
        do {
            return try await pool.write { db in
                var tables = SQLiteTables(db: db)
                return try body(&tables)
            }
        } catch {
            throw Self.storeError(error, path: location)
        }
    }

    private static func counts(_ db: Database) throws -> StoreCounts {
        StoreCounts(
            patterns: try Int.fetchOne(db, sql: "SELECT count(*) FROM pattern") ?? 0,
            attempts: try Int.fetchOne(db, sql: "SELECT count(*) FROM attempt") ?? 0)
    }

    /// The folder (0700) and the file (0600, created empty: SQLite's WAL and shared-memory
    /// files take the database file's mode) before SQLite opens it.
    private static func prepareFile(at path: String) throws(StoreError) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
        } catch {
            throw StoreError.cannotOpen(location: path, reason: "cannot create the folder \(folder): \(error.localizedDescription)")
        }
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw StoreError.cannotOpen(location: path, reason: String(cString: strerror(errno)))
        }
    }

    private static func storeError(_ error: any Error, path: String) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as InvalidMemory:
            return .corrupt(location: path, reason: error.reason)
        case let error as DatabaseError:
            let reason = error.message ?? "\(error.resultCode)"
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_FORMAT, .SQLITE_SCHEMA:
                return .corrupt(location: path, reason: reason)
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .busy(location: path, waitedSeconds: Int(busyTimeout))
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_AUTH, .SQLITE_NOLFS:
                return .cannotOpen(location: path, reason: reason)
            default:
                return .corrupt(location: path, reason: reason)
            }
        default:
            return .corrupt(location: path, reason: String(describing: error))
        }
    }
}
