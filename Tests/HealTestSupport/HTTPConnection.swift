import Foundation
import Glibc

/// Blocking HTTP/1.1 framing over one accepted socket: reads requests (bodies by
/// `Content-Length`, answering `Expect: 100-continue`), writes raw bytes.
struct HTTPConnection {
    let descriptor: Int32
    private var buffer: [UInt8] = []

    private static let headerTerminator: [UInt8] = Array("\r\n\r\n".utf8)
    private static let maximumHeaderBytes = 1 << 20

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next request, or nil when the client closed the connection or sent garbage.
    /// `keepAlive` is false when the client asked to close after this request.
    mutating func readRequest() -> (request: RecordedRequest, keepAlive: Bool)? {
        guard let headerEnd = readUntilHeaderEnd() else { return nil }
        let head = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        buffer.removeFirst(headerEnd + Self.headerTerminator.count)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        if headers["expect"]?.lowercased() == "100-continue" {
            guard write(Data("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return nil }
        }
        let length = headers["content-length"].flatMap { Int($0) } ?? 0
        guard let body = readBody(length: length) else { return nil }
        let (path, query) = Self.splitTarget(String(requestLine[1]))
        let version = requestLine[2]
        let connection = headers["connection"]?.lowercased() ?? ""
        let keepAlive = version == "HTTP/1.1" ? connection != "close" : connection == "keep-alive"
        let request = RecordedRequest(
            method: String(requestLine[0]), path: path, queryItems: query, headers: headers, body: body)
        return (request, keepAlive)
    }

    /// Writes everything; false when the peer is gone. Never raises SIGPIPE.
    @discardableResult
    func write(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0, errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    /// Blocks until the client closes its side (or the server shuts the socket down),
    /// discarding anything it sends.
    func waitForPeerClose() {
        var scratch = [UInt8](repeating: 0, count: 4096)
        while true {
            let received = recv(descriptor, &scratch, scratch.count, 0)
            if received < 0, errno == EINTR { continue }
            if received <= 0 { return }
        }
    }

    /// Whether the client has closed its side (or the socket was shut down), without blocking.
    /// Anything it sent meanwhile stays unread.
    func peerClosed() -> Bool {
        var probe = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&probe, 1, 0) > 0 else { return false }
        var byte: UInt8 = 0
        return recv(descriptor, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) <= 0
    }

    private mutating func readUntilHeaderEnd() -> Int? {
        var searchFrom = 0
        while true {
            if let end = Self.find(Self.headerTerminator, in: buffer, from: searchFrom) { return end }
            searchFrom = max(0, buffer.count - Self.headerTerminator.count + 1)
            guard buffer.count < Self.maximumHeaderBytes, fill() else { return nil }
        }
    }

    private mutating func readBody(length: Int) -> Data? {
        while buffer.count < length {
            guard fill() else { return nil }
        }
        let body = Data(buffer[..<length])
        buffer.removeFirst(length)
        return body
    }

    private mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let received = recv(descriptor, &chunk, chunk.count, 0)
            if received < 0, errno == EINTR { continue }
            guard received > 0 else { return false }
            buffer += chunk[..<received]
            return true
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        return (start...(haystack.count - needle.count)).first {
            haystack[$0..<$0 + needle.count].elementsEqual(needle)
        }
    }

    /// Splits `/path?query` and decodes both as Go's net/url does (`+` is a space in queries).
    static func splitTarget(_ target: String) -> (path: String, query: [URLQueryItem]) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0]).removingPercentEncoding ?? String(parts[0])
        guard parts.count == 2 else { return (path, []) }
        let items = parts[1].split(separator: "&").map { pair -> URLQueryItem in
            let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return URLQueryItem(name: decode(nameValue[0]), value: nameValue.count == 2 ? decode(nameValue[1]) : "")
        }
        return (path, items)
    }
}
