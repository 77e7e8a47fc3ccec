import Dispatch
import Foundation
import Glibc
import Logging
import Synchronization

/// Serves a watcher's metrics at `http://--metrics-addr/metrics` for Prometheus. Plain blocking
/// sockets on threads of its own: scrapes never wait for, or block, the healing loop's tasks.
/// One request per connection; each connection is bounded in size and time (`MetricsExchange`).
package final class MetricsServer: Sendable {
    /// Where it listens, with the port the kernel chose when asked for port 0.
    package let address: MetricsAddress

    /// More concurrent scrapes than this is not Prometheus; the surplus is closed unanswered.
    static let connectionLimit = 8

    private let listener: Int32
    private let metrics: any MetricsSource
    private let logger: Logger
    private let state = Mutex(State())
    /// Entered by every thread of the server, so `stop()` can wait for them.
    private let threads = DispatchGroup()

    private struct State {
        var stopped = false
        var connections: Set<Int32> = []
    }

    /// Listens at once and serves on its own threads until `stop()`.
    package init(address: MetricsAddress, metrics: any MetricsSource, logger: Logger) throws(MetricsServerError) {
        let (descriptor, port) = try ListeningSocket.open(address)
        self.address = MetricsAddress(host: address.host, port: port)
        self.listener = descriptor
        self.metrics = metrics
        self.logger = logger
        threads.enter()
        let thread = Thread { [self] in
            acceptLoop()
            threads.leave()
        }
        thread.name = "kubectl-heal.metrics"
        thread.start()
        logger.debug("serving metrics at http://\(self.address)/metrics")
    }

    /// Stops accepting, cuts open connections and closes the socket; waits (briefly) for the
    /// server's threads so the port is free when it returns. Calling it again does nothing.
    package func stop() {
        let first = state.withLock { state in
            guard !state.stopped else { return false }
            state.stopped = true
            for connection in state.connections { shutdown(connection, Int32(SHUT_RDWR)) }
            return true
        }
        guard first else { return }
        // Wakes the blocked accept(); the descriptor is closed only after the thread is out of it.
        shutdown(listener, Int32(SHUT_RDWR))
        if threads.wait(timeout: .now() + .seconds(5)) == .timedOut {
            logger.warning("metrics server threads did not stop within 5s")
        }
        close(listener)
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                let code = errno
                if isStopped { return }
                switch code {
                case EINTR, ECONNABORTED:
                    continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors or memory: wait for some to free up rather than spin.
                    logger.warning("metrics server cannot accept: \(String(cString: strerror(code)))")
                    usleep(100_000)
                    continue
                default:
                    logger.error("metrics server stopped accepting: \(String(cString: strerror(code)))")
                    return
                }
            }
            // Glibc's module map hides accept4, so CLOEXEC is set a few instructions later.
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            guard register(connection) else {
                close(connection)
                if isStopped { return }
                continue
            }
            threads.enter()
            let thread = Thread { [self] in
                MetricsExchange(descriptor: connection, source: metrics).run()
                // Closing under the lock keeps `stop()` from shutting down a reused descriptor.
                state.withLock { state in
                    state.connections.remove(connection)
                    close(connection)
                }
                threads.leave()
            }
            thread.name = "kubectl-heal.metrics.connection"
            thread.start()
        }
    }

    /// False when stopped or at the connection limit.
    private func register(_ connection: Int32) -> Bool {
        state.withLock { state in
            guard !state.stopped, state.connections.count < Self.connectionLimit else { return false }
            state.connections.insert(connection)
            return true
        }
    }
}
