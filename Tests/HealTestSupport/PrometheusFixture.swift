import Foundation

/// A real Prometheus (Debian's `prometheus` package) holding the `demo` series of
/// `scripts/prometheus/usage_data.py`, backfilled with `promtool`. One per test process, started
/// by the first test that asks, on a free 127.0.0.1 port in a temp dir; a watchdog shell stops it
/// and removes the dir once the test process is gone (tests have no global tear-down).
package final class PrometheusFixture: Sendable {
    /// The data's last sample, and the time every query is evaluated at, so no figure depends
    /// on the wall clock. 2025-06-26T00:00:00Z is 15 days past a multiple of promtool's 486-hour
    /// block range (`--max-block-duration=504h`), so the 14 days land in one block written in a
    /// single pass. Prometheus counts retention from the newest block, not from now; the
    /// retention is long anyway.
    package static let endSeconds = 1_750_896_000.0

    /// Prometheus' HTTP API ranges, `[14d]` and subqueries alike, include both ends in 2.x: a
    /// series scraped every minute for the whole window has 14 × 1440 + 1 samples in it.
    package static let fullWindowSamples = 14 * 1440 + 1

    package static let toolsInstalled = ["prometheus", "promtool", "python3"].allSatisfy { tool in
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    package let url: String

    private init(url: String) {
        self.url = url
    }

    package static func shared() async throws -> PrometheusFixture {
        try await sharedFixture.value
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    fileprivate static func start() async throws -> PrometheusFixture {
        // Tests/HealTestSupport/PrometheusFixture.swift → the repository.
        let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = FileManager.default.temporaryDirectory.appending(path: "heal-prometheus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let tsdb = directory.appending(path: "tsdb")
        let config = directory.appending(path: "prometheus.yml")
        do {
            try await offPool { try backfill(into: tsdb, scratch: directory, repository: repository) }
            try Data("global:\n  scrape_interval: 1m\n".utf8).write(to: config)
        } catch {
            // No watchdog runs yet to remove it.
            try FileManager.default.removeItem(at: directory)
            throw error
        }

        var lastFailure = ""
        for _ in 0..<3 {
            let port = try freePort()
            let log = directory.appending(path: "prometheus-\(port).log")
            try watched([
                "prometheus", "--config.file=\(config.path)", "--storage.tsdb.path=\(tsdb.path)",
                "--storage.tsdb.retention.time=36500d", "--web.listen-address=127.0.0.1:\(port)",
            ], log: log, directory: directory)
            let url = "http://127.0.0.1:\(port)"
            if try await ready(log) { return PrometheusFixture(url: url) }
            do { lastFailure = try String(contentsOf: log, encoding: .utf8) } catch { lastFailure = "(no log: \(error))" }
        }
        throw Failure(description: "Prometheus did not become ready; its log ends:\n\(lastFailure.suffix(2000))")
    }

    /// Runs `work` on a GCD thread: waiting for a process blocks its thread for
    /// seconds, and on a 2-core machine the cooperative pool has only two threads, so blocking
    /// one there stalls every other test's timers.
    private static func offPool(_ work: @escaping @Sendable () throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async {
                do {
                    try work()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Writes the demo series and backfills them into `tsdb`.
    private static func backfill(into tsdb: URL, scratch: URL, repository: URL) throws {
        let data = scratch.appending(path: "demo.om")
        guard FileManager.default.createFile(atPath: data.path, contents: nil) else {
            throw Failure(description: "cannot create \(data.path)")
        }
        try run(
            ["python3", repository.appending(path: "scripts/prometheus/usage_data.py").path, "demo", "--end", "\(Int(endSeconds))"],
            output: FileHandle(forWritingTo: data))
        try run(
            ["promtool", "tsdb", "create-blocks-from", "openmetrics", "--quiet", "--max-block-duration=504h", data.path, tsdb.path],
            output: .nullDevice)
        try FileManager.default.removeItem(at: data)
    }

    /// Runs a tool to completion, failing with its stderr.
    private static func run(_ arguments: [String], output: FileHandle) throws {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = output
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let errorText = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(String(decoding: errorText, as: UTF8.self))")
        }
    }

    /// Starts `arguments` under a shell that stops it, and removes `directory`, once this test
    /// process has exited.
    private static func watched(_ arguments: [String], log: URL, directory: URL) throws {
        let script = """
            parent=$1; directory=$2; log=$3; shift 3
            "$@" >"$log" 2>&1 &
            child=$!
            while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 0.5; done
            kill "$child" 2>/dev/null; wait "$child"
            kill -0 "$parent" 2>/dev/null || rm -rf "$directory"
            """
        let process = Process()
        process.executableURL = URL(filePath: "/bin/sh")
        process.arguments = ["-c", script, "sh", "\(ProcessInfo.processInfo.processIdentifier)", directory.path, log.path] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// A port nothing listens on: the fake server's, once it has stopped.
    private static func freePort() throws -> UInt16 {
        let probe = try FakeAPIServer(fixtureRoot: nil)
        probe.stop()
        return probe.port
    }

    /// Waits up to a minute for Prometheus to log that it serves (it does so once its web
    /// handler answers); false when it exits first, say because another process took the port.
    private static func ready(_ log: URL) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if text.contains("Server is ready to receive web requests") { return true }
            if text.contains("err=") && text.contains("level=error") { return false }
            try await Task.sleep(for: .milliseconds(200))
        }
        return false
    }
}

private let sharedFixture = Task { try await PrometheusFixture.start() }
