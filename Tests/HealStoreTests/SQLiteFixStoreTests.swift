import Foundation
import GRDB
import HealTestSupport
import Testing
@testable import HealStore

@Suite("SQLite store")
struct SQLiteFixStoreTests {
    @Test("the store file is created with mode 0600 in a folder with mode 0700")
    func permissions() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("state/kubectl-heal/memory.sqlite").path
        let store = try SQLiteFixStore(path: path)
        let draft = Sample.draft()
        try await store.record(Sample.attempt(draft, minute: 1), pattern: draft)
        #expect(try mode(path) == 0o600)
        #expect(try mode(folder.file("state/kubectl-heal").path) == 0o700)
        for companion in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + companion) {
            #expect(try mode(path + companion) == 0o600, "\(companion) takes the database's mode")
        }
    }

    @Test("reopening a store keeps its data")
    func reopen() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("memory.sqlite").path
        let draft = Sample.draft()
        let attempt = Sample.attempt(draft, minute: 1)
        do {
            let store = try SQLiteFixStore(path: path)
            try await store.record(attempt, pattern: draft)
        }
        let reopened = try SQLiteFixStore(path: path)
        #expect(try await reopened.attempts(patternID: nil) == [attempt])
        #expect(try await reopened.pattern(id: draft.patternID)?.successes == 1)
    }

    @Test("a file that is not a database is reported corrupt and left byte for byte as it was")
    func garbage() throws {
        let folder = try TemporaryDirectory()
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let file = try folder.write("memory.sqlite", garbage)
        #expect {
            _ = try SQLiteFixStore(path: file.path)
        } throws: { error in
            guard case .corrupt(let location, _) = error as? StoreError else { return false }
            return location == file.path
        }
        #expect(try Data(contentsOf: file) == garbage)
    }

    @Test("another program's SQLite database is not taken over")
    func foreignDatabase() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("other.sqlite").path
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE notes (text TEXT)") }
        #expect {
            _ = try SQLiteFixStore(path: path)
        } throws: { error in
            guard case .corrupt(_, let reason) = error as? StoreError else { return false }
            return reason.contains("not a kubectl-heal store")
        }
        let tables = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(tables == ["notes"])
    }

    @Test("a store migrated by a newer kubectl-heal is refused with its schema version")
    func newerSchema() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("memory.sqlite").path
        _ = try SQLiteFixStore(path: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        #expect(throws: StoreError.newerSchema(location: path, found: 2, supported: 1)) {
            _ = try SQLiteFixStore(path: path)
        }
    }

    @Test("the schema is version 1, and attempts cannot be edited in place")
    func appendOnly() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("memory.sqlite").path
        let store = try SQLiteFixStore(path: path)
        let draft = Sample.draft()
        try await store.record(Sample.attempt(draft, minute: 1), pattern: draft)
        let queue = try DatabaseQueue(path: path)
        #expect(try await queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 1)
        await #expect(throws: DatabaseError.self) {
            try await queue.write { try $0.execute(sql: "UPDATE attempt SET outcome = 'succeeded'") }
        }
    }

    @Test("a store whose folder cannot be created is cannotOpen, naming the path")
    func folderCannotBeCreated() throws {
        let folder = try TemporaryDirectory()
        let blocker = try folder.write("state", "a file where the folder should be")
        let path = blocker.appending(path: "kubectl-heal/memory.sqlite").path
        #expect {
            _ = try SQLiteFixStore(path: path)
        } throws: { error in
            if case .cannotOpen(let location, _) = error as? StoreError { return location == path }
            return false
        }
    }

    private func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
