import Foundation
import Glibc

/// A blocking HTTP/1.1 client on a raw socket, so tests see exactly what the server sent:
/// chunk boundaries, early closes, reuse of one connection.
final class HTTPTestClient {
    struct Response {
        let status: Int
        /// Lower-cased names.
        let headers: [String: String]
        let body: Data
        /// The decoded chunks as framed on the wire; nil for a `Content-Length` body.
        let chunks: [Data]?

        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> JSON { try JSON(data: body) }
    }

    enum Failure: Error, Equatable {
        /// The server closed the connection; `received` is what arrived before.
        case closed(received: Data)
        case timedOut
        case malformed(String)
    }

    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init(port: UInt16, timeout: Duration = .seconds(5)) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var seconds = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        address.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure.malformed("connect failed: errno \(errno)") }
    }

    deinit { close(descriptor) }

    /// Sends one request and reads its complete response.
    func request(
        _ target: String, method: String = "GET", headers: [String: String] = [:], body: Data? = nil
    ) throws -> Response {
        try send(target, method: method, headers: headers, body: body)
        return try readResponse()
    }

    func send(_ target: String, method: String = "GET", headers: [String: String] = [:], body: Data? = nil) throws {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        let bytes = Data((head + "\r\n").utf8) + (body ?? Data())
        let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { throw Failure.closed(received: Data()) }
    }

    func readResponse() throws -> Response {
        let (status, headers) = try readHead()
        if headers["transfer-encoding"] == "chunked" {
            var chunks: [Data] = []
            while let chunk = try readChunk() { chunks.append(chunk) }
            return Response(status: status, headers: headers, body: chunks.reduce(Data(), +), chunks: chunks)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        return Response(status: status, headers: headers, body: try readExactly(length), chunks: nil)
    }

    func readHead() throws -> (status: Int, headers: [String: String]) {
        let head = try readLine(until: "\r\n\r\n")
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure.malformed(head) }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw Failure.malformed(line) }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[line[..<colon].lowercased()] = value
        }
        return (status, headers)
    }

    /// The next chunk of a chunked body; nil after the terminating chunk.
    func readChunk() throws -> Data? {
        let sizeLine = try readLine(until: "\r\n")
        guard let size = Int(sizeLine, radix: 16) else { throw Failure.malformed(sizeLine) }
        guard size > 0 else {
            _ = try readLine(until: "\r\n")
            return nil
        }
        let chunk = try readExactly(size)
        _ = try readExactly(2)
        return chunk
    }

    /// Everything the server sends until it closes the connection.
    func readUntilClose() throws -> Data {
        while try fill() {}
        defer { buffer.removeAll() }
        return Data(buffer)
    }

    private func readLine(until terminator: String) throws -> String {
        let marker = Array(terminator.utf8)
        while true {
            if let end = buffer.indices.first(where: { buffer[$0...].starts(with: marker) }) {
                let line = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeFirst(end + marker.count)
                return line
            }
            guard try fill() else { throw Failure.closed(received: Data(buffer)) }
        }
    }

    private func readExactly(_ count: Int) throws -> Data {
        while buffer.count < count {
            guard try fill() else { throw Failure.closed(received: Data(buffer)) }
        }
        defer { buffer.removeFirst(count) }
        return Data(buffer[..<count])
    }

    /// False at EOF.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let received = recv(descriptor, &chunk, chunk.count, 0)
        if received < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK { throw Failure.timedOut }
            return false
        }
        buffer += chunk[..<received]
        return received > 0
    }
}
