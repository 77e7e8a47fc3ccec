import Glibc

/// A port on 127.0.0.1 that is bound but never listened on: a connection to it is refused, and no
/// other test's server can take it meanwhile (a port freed by a stopped server can be, when tests
/// run in parallel).
package final class ReservedPort: Sendable {
    package let port: UInt16
    private let descriptor: Int32

    package init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard descriptor >= 0, bound else {
            close(descriptor)
            throw SocketListener.SocketError(call: "bind", code: errno)
        }
        self.descriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    /// `http://127.0.0.1:<port>`
    package var url: String { "http://127.0.0.1:\(port)" }

    deinit { close(descriptor) }
}
