import Foundation
import Synchronization

/// Where a stream of text goes: the process's stdout/stderr, or a buffer in tests.
package protocol OutputSink: Sendable {
    func write(_ text: String)
}

/// Writes to a file descriptor (1 or 2), unbuffered so stdout and stderr interleave correctly.
struct FileDescriptorSink: OutputSink {
    let descriptor: Int32

    func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// Collects text in memory (tests).
package final class BufferSink: OutputSink {
    private let storage = Mutex("")

    package init() {}

    package func write(_ text: String) {
        storage.withLock { $0 += text }
    }

    package var text: String {
        storage.withLock { $0 }
    }
}
