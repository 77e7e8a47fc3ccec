import Foundation
import Glibc
import Synchronization

/// Real TLS on 127.0.0.1 in front of a `FakeAPIServer`, with the `TestPKI` server certificate,
/// optionally requiring a client certificate signed by the test CA. Runs a small Python
/// asyncio proxy (`TLSTerminatorScript`) as a child process.
///
/// ```swift
/// let pki = try TestPKI.shared()
/// let tls = try TLSTerminator(backend: server, pki: pki, requireClientCertificate: true)
/// defer { tls.stop() }
/// // … connect to tls.baseURL trusting pki.ca.certificateFile, presenting pki.client …
/// #expect(try tls.clientSubjects() == ["heal-test"])
/// ```
package final class TLSTerminator: Sendable {
    package struct StartupError: Error, CustomStringConvertible {
        package let description: String
    }

    package let port: UInt16
    /// `https://127.0.0.1:<port>`
    package let baseURL: URL
    private let process: Mutex<Process?>
    private let workspace: TemporaryDirectory
    /// Our end of the child's stdin: while it is open, the child keeps running.
    private let lifeline: Pipe

    package init(backend: FakeAPIServer, pki: TestPKI, requireClientCertificate: Bool) throws {
        workspace = try TemporaryDirectory(prefix: "heal-test-tls")
        let script = try workspace.write("tls_terminator.py", TLSTerminatorScript.source)
        let child = Process()
        child.executableURL = URL(filePath: "/usr/bin/env")
        child.arguments = [
            "python3", script.path,
            "--cert", pki.server.certificateFile.path, "--key", pki.server.keyFile.path,
            "--ca", pki.ca.certificateFile.path, "--backend-port", String(backend.port),
            "--subjects-log", workspace.file("subjects.log").path,
        ] + (requireClientCertificate ? ["--require-client-cert"] : [])
        let output = Pipe()
        lifeline = Pipe()
        child.standardInput = lifeline
        child.standardOutput = output
        child.standardError = try FileHandle(forWritingTo: workspace.write("stderr.log", ""))
        try child.run()
        guard let line = Self.readLine(output.fileHandleForReading, timeout: .seconds(10)),
            let port = UInt16(line)
        else {
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            let log = try String(contentsOf: workspace.file("stderr.log"), encoding: .utf8)
            throw StartupError(description: "TLS terminator did not report its port; its stderr: \(log)")
        }
        self.port = port
        baseURL = URL(string: "https://127.0.0.1:\(port)")!
        process = Mutex(child)
    }

    deinit { stop() }

    /// Kills the child with SIGKILL: children spawned from a libdispatch thread inherit its
    /// blocked signal mask, so SIGTERM may never arrive.
    package func stop() {
        process.withLock { process in
            guard let running = process else { return }
            kill(running.processIdentifier, SIGKILL)
            running.waitUntilExit()
            process = nil
        }
    }

    /// The subject CN of the client certificate of every completed handshake, in order; nil
    /// for a handshake without a client certificate.
    package func clientSubjects() throws -> [String?] {
        try String(contentsOf: workspace.file("subjects.log"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast()
            .map { $0.isEmpty ? nil : String($0) }
    }

    /// One line from `handle`, or nil at EOF or after `timeout`.
    private static func readLine(_ handle: FileHandle, timeout: Duration) -> String? {
        let deadline = ContinuousClock.now + timeout
        var bytes: [UInt8] = []
        while !bytes.contains(UInt8(ascii: "\n")) {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return nil }
            var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            let (seconds, attoseconds) = remaining.components
            let milliseconds = Int32(seconds * 1000 + attoseconds / 1_000_000_000_000_000)
            guard poll(&descriptor, 1, max(milliseconds, 1)) > 0 else { continue }
            var byte: UInt8 = 0
            guard read(handle.fileDescriptor, &byte, 1) == 1 else { return nil }
            bytes.append(byte)
        }
        return String(decoding: bytes.dropLast(), as: UTF8.self)
    }
}
