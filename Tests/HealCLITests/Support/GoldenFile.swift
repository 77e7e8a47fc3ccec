import Foundation
import Testing

/// Compares output with a file under Tests/HealCLITests/Snapshots. Set UPDATE_SNAPSHOTS=1 to
/// rewrite the files (then review the diff like any code change).
enum GoldenFile {
    static let folder = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appending(path: "Snapshots")

    /// Absolute paths in output (a report's `source.path`) depend on where the repository is
    /// checked out; golden files hold `$REPO` instead.
    static func assertMatches(_ output: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actual = output.replacingOccurrences(of: CLIRunner.repositoryRoot.path, with: "$REPO")
        let file = folder.appending(path: name)
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "output differs from Snapshots/\(name); rerun with UPDATE_SNAPSHOTS=1 if the change is intended", sourceLocation: sourceLocation)
    }
}
