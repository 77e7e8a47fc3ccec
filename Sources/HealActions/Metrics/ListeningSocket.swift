import Foundation
import Glibc

/// Opens the TCP listening socket behind `--metrics-addr`.
enum ListeningSocket {
    /// The listening descriptor and the port it got (the kernel's choice for port 0).
    static func open(_ address: MetricsAddress) throws(MetricsServerError) -> (descriptor: Int32, port: UInt16) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(address.host.isEmpty ? nil : address.host, String(address.port), &hints, &list)
        guard status == 0, let list else {
            throw .invalidAddress(address: address.description, reason: String(cString: gai_strerror(status)).lowercased())
        }
        defer { freeaddrinfo(list) }

        var candidates: [addrinfo] = []
        var node: UnsafeMutablePointer<addrinfo>? = list
        while let current = node {
            candidates.append(current.pointee)
            node = current.pointee.ai_next
        }
        // Every interface: IPv6's `::` with V6ONLY off takes IPv4 too, so try it first and
        // fall back to 0.0.0.0 where IPv6 is off. A named host (`localhost`): IPv4 first,
        // as most scrapers resolve it that way.
        let everyInterface = address.host.isEmpty
        let preferred = everyInterface ? AF_INET6 : AF_INET
        let ordered = candidates.filter { $0.ai_family == preferred } + candidates.filter { $0.ai_family != preferred }

        var lastError: Int32 = EADDRNOTAVAIL
        for candidate in ordered {
            switch bindAndListen(candidate, dualStack: everyInterface) {
            case .success(let descriptor):
                return (descriptor, port(of: descriptor))
            case .failure(let code) where code == EADDRINUSE:
                throw .addressInUse(address: address.description)
            case .failure(let code):
                lastError = code
            }
        }
        throw .cannotListen(address: address.description, reason: String(cString: strerror(lastError)).lowercased())
    }

    private enum Attempt {
        case success(Int32)
        case failure(Int32)
    }

    private static func bindAndListen(_ candidate: addrinfo, dualStack: Bool) -> Attempt {
        // CLOEXEC: processes the watcher spawns (exec credential plugins) must not inherit it.
        let descriptor = socket(candidate.ai_family, candidate.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), candidate.ai_protocol)
        guard descriptor >= 0 else { return .failure(errno) }
        var on: Int32 = 1
        var off: Int32 = 0
        // A restarted watcher must not wait out TIME_WAIT; a live listener still gets EADDRINUSE.
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        if candidate.ai_family == AF_INET6, dualStack {
            setsockopt(descriptor, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &off, socklen_t(MemoryLayout<Int32>.size))
        }
        guard bind(descriptor, candidate.ai_addr, candidate.ai_addrlen) == 0, listen(descriptor, 64) == 0 else {
            let code = errno
            close(descriptor)
            return .failure(code)
        }
        return .success(descriptor)
    }

    private static func port(of descriptor: Int32) -> UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        let family = Int32(storage.ss_family)
        return withUnsafePointer(to: &storage) { pointer in
            if family == AF_INET6 {
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            } else {
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            }
        }
    }
}
