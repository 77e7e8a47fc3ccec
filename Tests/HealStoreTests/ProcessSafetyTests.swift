import Foundation
import HealTestSupport
import Testing
@testable import HealStore

/// Real processes (the built `kubectl-heal`) on one SQLite file: concurrent writers, and a
/// writer killed with SIGKILL in the middle of its transaction.
@Suite("SQLite store across processes", .serialized)
struct ProcessSafetyTests {
    @Test("two processes importing into one store at once lose nothing, and share one pattern's counts")
    func concurrentImports() async throws {
        let binary = try #require(Self.binary, "build the kubectl-heal product first (swift build --build-tests builds it)")
        let folder = try TemporaryDirectory()
        let store = folder.file("memory.sqlite").path
        // One pattern in both files, different attempts: a lost update would lose counts.
        let first = try folder.write("a.json", try Sample.encoded(Sample.document(count: 1500)))
        let second = try folder.write("b.json", try Sample.encoded(Sample.document(count: 1500, startMinute: 5000)))

        let errors = [folder.file("a.err"), folder.file("b.err")]
        let processes = try zip([first, second], errors).map { try Self.start(binary, ["learn", "import", $0.path, "--store", store], stderr: $1) }
        for (process, error) in zip(processes, errors) {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\((try? String(contentsOf: error, encoding: .utf8)) ?? "")")
        }
        let opened = try SQLiteFixStore(path: store)
        #expect(try await opened.attempts(patternID: nil).count == 3000)
        #expect(try await opened.patterns().map(\.successes) == [3000])
    }

    @Test("a store whose writer was killed mid-transaction opens cleanly with all or none of that transaction")
    func killedWriter() async throws {
        let binary = try #require(Self.binary, "build the kubectl-heal product first (swift build --build-tests builds it)")
        let folder = try TemporaryDirectory()
        let store = folder.file("memory.sqlite").path
        let kept = Sample.draft("kept")
        do {
            let opened = try SQLiteFixStore(path: store)
            try await opened.record(Sample.attempt(kept, minute: 0), pattern: kept)
        }
        let big = try folder.write("big.json", try Sample.encoded(Sample.document(count: 20000)))

        let process = try Self.start(binary, ["learn", "import", big.path, "--store", store])
        // The transaction's pages spill into the WAL while it runs (SQLite's page cache is
        // 2 MiB): a WAL past 3 MiB means the import is writing and has not committed.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline, Self.size(store + "-wal") < 3 << 20 {
            try await Task.sleep(for: .milliseconds(2))
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the import ended before it could be killed mid-write")

        let reopened = try SQLiteFixStore(path: store)
        let attempts = try await reopened.attempts(patternID: nil).count
        #expect(attempts == 1 || attempts == 20001, "all or none of the import, found \(attempts) attempts")
        #expect(try await reopened.pattern(id: kept.patternID)?.successes == 1)
        let again = try await reopened.record(Sample.attempt(kept, minute: 1), pattern: kept)
        #expect(again.successes == 2, "the store takes writes again")
    }

    /// `kubectl-heal`, next to the test bundle in the build folder.
    static let binary: URL? = {
        let folders = ([Bundle.main.executableURL] + Bundle.allBundles.map(\.bundleURL)).compactMap { $0?.deletingLastPathComponent() }
        return folders.map { $0.appending(path: "kubectl-heal") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static func start(_ binary: URL, _ arguments: [String], stderr: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ["HOME": FileManager.default.temporaryDirectory.path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        if let stderr {
            _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: stderr)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    static func size(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }
}
