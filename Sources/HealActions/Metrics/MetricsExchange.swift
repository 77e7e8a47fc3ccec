import Foundation
import Glibc

/// One HTTP/1.1 request and its response on an accepted connection. Bounded in size and time
/// so that a slow or hostile client holds its thread for seconds at most, never the scrape
/// of the next one.
struct MetricsExchange {
    /// A scrape's request head is a few hundred bytes; anything near this is not Prometheus.
    static let headLimit = 8 * 1024
    /// For the whole request head, however it trickles in.
    static let readTimeout = Duration.seconds(5)
    /// For each send, so a client that stops reading cannot block the thread.
    static let sendTimeoutSeconds = 5

    let descriptor: Int32
    let source: any MetricsSource

    func run() {
        var timeout = timeval(tv_sec: Self.sendTimeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let response: MetricsResponse
        switch readHead() {
        case .head(let requestLine): response = MetricsResponse.answering(requestLine, source: source)
        case .tooLarge: response = MetricsResponse(status: 431, reason: "Request Header Fields Too Large", body: "request head too large\n")
        case .gone: return
        }
        send(response.bytes)
        closeGracefully()
    }

    private enum Head {
        /// The request line; the other headers change nothing here.
        case head(requestLine: String)
        case tooLarge
        /// Closed, failed or too slow: nobody to answer.
        case gone
    }

    /// Reads until the blank line that ends the head, across as many partial reads as it takes.
    private func readHead() -> Head {
        let deadline = ContinuousClock.now + Self.readTimeout
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 2048)
        while true {
            if let end = headEnd(buffer) {
                let line = buffer[..<end].split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: false).first ?? []
                return .head(requestLine: String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            guard buffer.count < Self.headLimit else { return .tooLarge }
            guard wait(for: Int16(POLLIN), until: deadline) else { return .gone }
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { return .gone }
            buffer += chunk[..<count]
        }
    }

    /// Where the head ends: at CRLF CRLF, or LF LF from a lenient client.
    private func headEnd(_ buffer: [UInt8]) -> Int? {
        var index = 0
        while index < buffer.count {
            if buffer[index] == UInt8(ascii: "\n") {
                if index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "\n") { return index }
                if index + 2 < buffer.count, buffer[index + 1] == UInt8(ascii: "\r"), buffer[index + 2] == UInt8(ascii: "\n") { return index }
            }
            index += 1
        }
        return nil
    }

    /// Writes everything, across partial sends; gives up when the peer is gone or stalls.
    private func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a client that hung up must not kill the watcher with SIGPIPE.
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    /// Half-closes and reads what the client still sends (say a POST body we never wanted)
    /// for a moment, so the kernel does not answer it with a reset that could destroy the
    /// response before the client read it.
    private func closeGracefully() {
        shutdown(descriptor, Int32(SHUT_WR))
        let deadline = ContinuousClock.now + .seconds(1)
        var chunk = [UInt8](repeating: 0, count: 4096)
        var drained = 0
        while drained < 64 * 1024, wait(for: Int16(POLLIN), until: deadline) {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            drained += count
        }
    }

    /// False when the deadline passed (or poll failed) before the socket became ready.
    private func wait(for events: Int16, until deadline: ContinuousClock.Instant) -> Bool {
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return false }
            let milliseconds = Int32(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000) + 1
            var descriptorState = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&descriptorState, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            return ready > 0
        }
    }
}
