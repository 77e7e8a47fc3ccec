import Dispatch
import Foundation
import Glibc
import Synchronization

/// A TCP listener on 127.0.0.1 with an accept thread and one thread per connection. Blocking
/// I/O on dedicated threads keeps the server independent of the Swift concurrency pool the
/// code under test runs on.
final class SocketListener: Sendable {
    struct SocketError: Error, CustomStringConvertible {
        let call: String
        let code: Int32
        var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
    }

    let port: UInt16
    private let listenDescriptor: Int32
    private let state = Mutex(State())
    /// Entered until `stop()`: waiting on it is a sleep that ends early when the server stops.
    private let stopSignal = DispatchGroup()
    private let running = DispatchGroup()

    private struct State {
        var stopped = false
        var connections: Set<Int32> = []
    }

    /// Starts accepting at once on `port` (0: an ephemeral one); `serve` runs on a connection's
    /// own thread and owns the descriptor until it returns (the listener closes it afterwards).
    /// Binding a port a stopped listener used is retried for up to a second.
    init(port requested: UInt16 = 0, serve: @escaping @Sendable (Int32, SocketListener) -> Void) throws {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        address.sin_port = requested.bigEndian
        var attempts = 0
        var descriptor = try Self.bound(to: address)
        while descriptor == nil, attempts < 100 {
            attempts += 1
            usleep(10_000)
            descriptor = try Self.bound(to: address)
        }
        guard let descriptor else { throw SocketError(call: "bind", code: EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        listenDescriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
        stopSignal.enter()
        running.enter()
        let acceptThread = Thread { [self] in
            acceptLoop(serve: serve)
            running.leave()
        }
        acceptThread.name = "FakeAPIServer.accept"
        acceptThread.start()
    }

    /// A listening socket bound to `address`, or nil while the port is still in use.
    private static func bound(to address: sockaddr_in) throws -> Int32? {
        // CLOEXEC: child processes (openssl, curl, the TLS terminator) must not inherit our
        // sockets, or a closed connection would stay open in them.
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw SocketError(call: "socket", code: errno) }
        // A restarted server binds the port its closed connections still hold in TIME_WAIT.
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = address
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0, listen(descriptor, 128) == 0 else {
            let code = errno
            close(descriptor)
            if code == EADDRINUSE { return nil }
            throw SocketError(call: "bind/listen", code: code)
        }
        return descriptor
    }

    /// Sleeps for `duration`; returns false when the listener stopped meanwhile.
    func sleep(_ duration: Duration) -> Bool {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        return stopSignal.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .timedOut
    }

    var isStopped: Bool { state.withLock { $0.stopped } }

    /// Closes the listening socket, shuts every open connection down (which unblocks the
    /// threads reading them) and waits for the threads to finish.
    func stop() {
        let first = state.withLock { state in
            guard !state.stopped else { return false }
            state.stopped = true
            for connection in state.connections { shutdown(connection, Int32(SHUT_RDWR)) }
            return true
        }
        guard first else { return }
        stopSignal.leave()
        shutdown(listenDescriptor, Int32(SHUT_RDWR))
        _ = running.wait(timeout: .now() + .seconds(5))
    }

    private func acceptLoop(serve: @escaping @Sendable (Int32, SocketListener) -> Void) {
        defer { close(listenDescriptor) }
        while true {
            let connection = accept(listenDescriptor, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            // Glibc's module map hides accept4; the window before this is a few instructions.
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            let registered = state.withLock { state in
                guard !state.stopped else { return false }
                state.connections.insert(connection)
                return true
            }
            guard registered else {
                close(connection)
                return
            }
            running.enter()
            let thread = Thread { [self] in
                serve(connection, self)
                // Closing under the lock keeps `stop()` from shutting down a reused descriptor.
                state.withLock { state in
                    state.connections.remove(connection)
                    close(connection)
                }
                running.leave()
            }
            thread.name = "FakeAPIServer.connection"
            thread.start()
        }
    }
}
