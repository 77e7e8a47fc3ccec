import Foundation

/// A fresh directory under the system temp dir, removed with everything in it on deinit —
/// for kubeconfigs, fake exec-credential plugins and other per-test files.
package final class TemporaryDirectory: Sendable {
    package let url: URL

    package init(prefix: String = "heal-test") throws {
        url = FileManager.default.temporaryDirectory
            .appending(path: "\(prefix)-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        // Best effort: a leftover temp dir must not fail the test that created it.
        try? FileManager.default.removeItem(at: url)
    }

    /// The URL of `relativePath` inside the directory.
    package func file(_ relativePath: String) -> URL {
        url.appending(path: relativePath)
    }

    /// Writes `contents` to `relativePath`, creating intermediate directories.
    @discardableResult
    package func write(_ relativePath: String, _ contents: String) throws -> URL {
        try write(relativePath, Data(contents.utf8))
    }

    @discardableResult
    package func write(_ relativePath: String, _ contents: Data) throws -> URL {
        let target = file(relativePath)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: target)
        return target
    }

    /// Writes a script with mode 0755, e.g. a fake `client.authentication.k8s.io` exec plugin.
    @discardableResult
    package func writeExecutable(_ relativePath: String, _ contents: String) throws -> URL {
        let target = try write(relativePath, contents)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
        return target
    }
}
