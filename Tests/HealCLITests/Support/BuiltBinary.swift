import Foundation

/// The kubectl-heal executable `swift build --build-tests` made next to the test bundle, for
/// tests that need a process of its own (killed with SIGKILL, say); $KUBECTL_HEAL_BINARY wins.
enum BuiltBinary {
    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "no kubectl-heal binary at \(path): run `swift build --build-tests` first, or set KUBECTL_HEAL_BINARY" }
    }

    static func url() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["KUBECTL_HEAL_BINARY"] { return URL(fileURLWithPath: path) }
        // The test bundle lives in the build folder (.build/debug/kubectl-healPackageTests.xctest).
        let bundle = Bundle.main.bundleURL
        for folder in [bundle, bundle.deletingLastPathComponent(), bundle.deletingLastPathComponent().deletingLastPathComponent()] {
            let candidate = folder.appending(path: "kubectl-heal")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Missing(path: bundle.deletingLastPathComponent().appending(path: "kubectl-heal").path)
    }
}
