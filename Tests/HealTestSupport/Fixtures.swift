import Foundation

/// Locates `Tests/Fixtures` from this source file, so tests need no bundle resources.
package enum Fixtures {
    /// `Tests/Fixtures`.
    package static let root = URL(filePath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appending(path: "Fixtures", directoryHint: .isDirectory)

    /// `Tests/Fixtures/k8s-v1.36`: responses captured from a real API server.
    package static let captured = root.appending(path: "k8s-v1.36", directoryHint: .isDirectory)

    /// The captured API responses laid out by URL path — a fixture root for `FakeAPIServer`.
    package static let capturedAPIPaths = captured.appending(path: "api-paths", directoryHint: .isDirectory)

    /// The captured container logs (`<ns>_<pod>_<container>[.previous].log` and `.err`).
    package static let capturedLogs = captured.appending(path: "logs", directoryHint: .isDirectory)

    /// `Tests/Fixtures/scenarios/<name>`: a fixture root whose logs sit in its own `logs/`.
    package static func scenario(_ name: String) -> URL {
        root.appending(path: "scenarios/\(name)", directoryHint: .isDirectory)
    }

    /// A captured `Status` body from `errors/<name>.txt` and the HTTP code it came with.
    package static func statusBody(_ name: String) throws -> StatusFixture {
        try StatusFixture(contentsOf: captured.appending(path: "errors/\(name).txt"))
    }

    /// The text of a fixture file, by path relative to `root`.
    package static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appending(path: relativePath), encoding: .utf8)
    }
}
