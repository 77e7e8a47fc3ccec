import Foundation

/// Debian's Chromium, headless: loads a local page and returns the DOM after load, and what
/// the page wrote to its console (errors, blocked fetches). scripts/install-deps.sh installs it.
enum HeadlessChromium {
    struct Load {
        var dom: String
        /// Chromium's `CONSOLE` log lines: every console message and CSP violation of the page.
        var consoleLines: [String]
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let executable = "/usr/bin/chromium"

    static func load(_ page: URL) async throws -> Load {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw Failure(description: "\(executable) is missing: scripts/install-deps.sh installs Debian's chromium package")
        }
        let folder = FileManager.default.temporaryDirectory.appending(path: "chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let domFile = folder.appending(path: "dom.html")
        let logFile = folder.appending(path: "stderr.log")
        FileManager.default.createFile(atPath: domFile.path, contents: nil)
        FileManager.default.createFile(atPath: logFile.path, contents: nil)

        let process = Process()
        process.executableURL = URL(filePath: executable)
        // No sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(folder.appending(path: "profile").path)", "--enable-logging=stderr", "--v=0",
            "--dump-dom", page.absoluteString,
        ]
        process.standardOutput = try FileHandle(forWritingTo: domFile)
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning {
            process.terminate()
            throw Failure(description: "chromium did not finish loading \(page.path) within 60 s")
        }
        let log = try String(contentsOf: logFile, encoding: .utf8)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "chromium exited \(process.terminationStatus): \(log.suffix(2000))")
        }
        return Load(
            dom: try String(contentsOf: domFile, encoding: .utf8),
            consoleLines: log.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") })
    }
}
