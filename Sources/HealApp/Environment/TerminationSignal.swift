import Dispatch
import Foundation
import Synchronization

/// Returns when the process receives SIGINT or SIGTERM, for commands that run until stopped.
/// The default actions (terminate at once) are replaced, so the command can finish what it is
/// doing and say goodbye.
enum TerminationSignal {
    /// Kept alive for the life of the process (a released source stops delivering). Written
    /// only by `wait()`, which a process calls once.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumed = Mutex(false)
            let handler: @Sendable () -> Void = {
                let first = resumed.withLock { done in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume() }
            }
            let installed = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler(handler: handler)
                source.resume()
                return source
            }
            sources += installed
        }
    }
}
