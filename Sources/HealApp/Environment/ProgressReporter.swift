import Foundation
import HealKube
import Synchronization

/// One self-overwriting status line on stderr while a long collection runs — only on a
/// terminal, at most ten updates a second, erased when done.
final class ProgressReporter: Sendable {
    private let sink: any OutputSink
    private let enabled: Bool
    private let lastDraw = Mutex<ContinuousClock.Instant?>(nil)

    init(sink: any OutputSink, enabled: Bool) {
        self.sink = sink
        self.enabled = enabled
    }

    func update(_ progress: CollectionProgress) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let due = lastDraw.withLock { last in
            guard last.map({ now - $0 > .milliseconds(100) }) ?? true else { return false }
            last = now
            return true
        }
        guard due else { return }
        sink.write("\r\u{1B}[K\(progress.line)")
    }

    func finish() {
        guard enabled, lastDraw.withLock({ $0 != nil }) else { return }
        sink.write("\r\u{1B}[K")
    }
}

extension CollectionProgress {
    /// "collecting: 9/14 kinds, 312 objects, logs 3/8": the terminal's status line and the MCP
    /// server's progress message.
    package var line: String {
        var line = "collecting: \(finishedKinds)/\(totalKinds) kinds, \(objects) objects"
        if logsTotal > 0 { line += ", logs \(logsFetched)/\(logsTotal)" }
        return line
    }
}
