import Foundation

/// A complete response ready to be written to a socket.
struct WireResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: Data
    var chunked: Bool

    /// Go's net/http switches to chunked encoding once a handler writes more than this before
    /// finishing, which is how the API server sends large lists.
    static let goChunkingThreshold = 2048

    init(status: Int, contentType: String, body: Data) {
        self.status = status
        self.headers = [("Content-Type", contentType), ("Cache-Control", "no-cache, private")]
        self.body = body
        self.chunked = body.count > Self.goChunkingThreshold
    }

    /// Framing headers are ours to write: `Transfer-Encoding: chunked` selects chunking and a
    /// given `Content-Length` is replaced by the real one.
    init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers.sorted { $0.key < $1.key }
            .filter { !["transfer-encoding", "content-length"].contains($0.key.lowercased()) }
            .map { (name: $0.key, value: $0.value) }
        self.body = body
        self.chunked = headers.contains {
            $0.key.lowercased() == "transfer-encoding" && $0.value.lowercased() == "chunked"
        }
    }

    static func json(_ value: JSONValue, status: Int = 200) -> WireResponse {
        WireResponse(status: status, contentType: "application/json", body: value.serialized)
    }

    static func protobuf(_ body: Data, status: Int = 200) -> WireResponse {
        WireResponse(status: status, contentType: ProtobufEncoder.mediaType, body: body)
    }

    /// The status line and headers, with the framing header this response uses.
    func head(closing: Bool) -> Data {
        var text = "HTTP/1.1 \(status) \(Self.reasonPhrase(status))\r\n"
        for header in headers { text += "\(header.name): \(header.value)\r\n" }
        text += chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: \(body.count)\r\n"
        if closing { text += "Connection: close\r\n" }
        return Data((text + "\r\n").utf8)
    }

    /// The body as it goes on the wire: chunked in `goChunkingThreshold` pieces when chunked.
    var framedBody: Data {
        guard chunked else { return body }
        var framed = Data()
        var offset = body.startIndex
        while offset < body.endIndex {
            let end = min(offset + Self.goChunkingThreshold, body.endIndex)
            framed += Self.chunk(body[offset..<end])
            offset = end
        }
        return framed + Self.lastChunk
    }

    static func chunk(_ bytes: Data) -> Data {
        Data("\(String(bytes.count, radix: 16))\r\n".utf8) + bytes + Data("\r\n".utf8)
    }

    static let lastChunk = Data("0\r\n\r\n".utf8)

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 410: "Gone"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status \(status)"
        }
    }
}
