import CCurl
import Foundation
import Synchronization

/// One request on its own curl easy handle. Built on the caller's thread, then owned by the
/// `CurlMultiLoop` thread, which alone runs its callbacks and completes it.
final class CurlTransfer: @unchecked Sendable {
    enum Delivery {
        case buffered(CheckedContinuation<HTTPResponse, any Error>)
        case streaming(
            head: CheckedContinuation<(status: Int, headers: [HTTPHeader]), any Error>,
            body: AsyncThrowingStream<Data, any Error>.Continuation
        )
    }

    let handle: UnsafeMutableRawPointer
    let url: String
    private let timeout: Duration?
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var connectTo: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))

    /// Set by any thread; the loop removes a flagged transfer on its next turn.
    private let cancelFlag = Atomic<Bool>(false)
    /// Written once before `submit`, read on the loop thread (the loop's queue lock orders them).
    var delivery: Delivery?

    // Loop-thread state.
    private var status = 0
    private var headers: [HTTPHeader] = []
    private var headDelivered = false
    private var body = Data()

    init(request: HTTPRequest) throws(HTTPError) {
        CurlMultiLoop.initializeLibrary()
        guard let handle = curl_easy_init() else {
            throw .invalidRequest(url: request.url, detail: "libcurl could not create a handle")
        }
        self.handle = handle
        self.url = request.url
        self.timeout = request.timeout
        errorBuffer.initialize(to: 0)
        do {
            try configure(for: request)
        } catch {
            release()
            throw error
        }
    }

    var isCancelled: Bool { cancelFlag.load(ordering: .acquiring) }

    func cancel() {
        cancelFlag.store(true, ordering: .releasing)
        CurlMultiLoop.shared.wake()
    }

    // MARK: Configuration

    private func configure(for request: HTTPRequest) throws(HTTPError) {
        var target = request.url
        if let serverName = request.tls.serverName {
            target = try routeThroughServerName(serverName, url: request.url)
        }
        try set(CURLOPT_URL, target)
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        // Wait for a connection that can multiplex instead of opening a parallel one.
        try set(CURLOPT_PIPEWAIT, 1)
        try set(CURLOPT_ACCEPT_ENCODING, "")
        try set(CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeout.milliseconds)
        if let timeout = request.timeout {
            try set(CURLOPT_TIMEOUT_MS, timeout.milliseconds)
        }
        if let proxy = request.proxyURL {
            try set(CURLOPT_PROXY, proxy)
        }
        try configureMethod(request)
        try configureHeaders(request.headers)
        try configureTLS(request.tls)
        try check(heal_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), CURLOPT_ERRORBUFFER)

        let context = Unmanaged.passUnretained(self).toOpaque()
        try check(heal_easy_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteBody), CURLOPT_WRITEFUNCTION)
        try check(heal_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context), CURLOPT_WRITEDATA)
        try check(heal_easy_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, curlReceiveHeader), CURLOPT_HEADERFUNCTION)
        try check(heal_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context), CURLOPT_HEADERDATA)
    }

    private func configureMethod(_ request: HTTPRequest) throws(HTTPError) {
        switch request.method {
        case "GET":
            try set(CURLOPT_HTTPGET, 1)
        case "HEAD":
            try set(CURLOPT_NOBODY, 1)
        default:
            try set(CURLOPT_CUSTOMREQUEST, request.method)
        }
        if let body = request.body {
            try set(CURLOPT_POSTFIELDSIZE, body.count)
            let code = body.withUnsafeBytes { bytes in
                // COPYPOSTFIELDS copies, so the Data may be released when this returns.
                heal_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(errorBuffer)))
            }
            try check(code, CURLOPT_COPYPOSTFIELDS)
            // COPYPOSTFIELDS switches the method to POST; put the requested one back.
            try set(CURLOPT_CUSTOMREQUEST, request.method)
        }
    }

    private func configureHeaders(_ headers: [HTTPHeader]) throws(HTTPError) {
        // "Expect:" stops libcurl from waiting for 100-continue before sending large bodies.
        for line in headers.map({ "\($0.name): \($0.value)" }) + ["Expect:"] {
            headerList = curl_slist_append(headerList, line)
        }
        try check(heal_easy_setopt_pointer(handle, CURLOPT_HTTPHEADER, headerList), CURLOPT_HTTPHEADER)
    }

    private func configureTLS(_ tls: TLSConfiguration) throws(HTTPError) {
        if !tls.verifyPeer {
            try set(CURLOPT_SSL_VERIFYPEER, 0)
            try set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        switch tls.certificateAuthority {
        case .file(let path): try set(CURLOPT_CAINFO, path)
        case .data(let pem): try setBlob(CURLOPT_CAINFO_BLOB, pem)
        case nil: break
        }
        switch tls.clientCertificate {
        case .file(let path): try set(CURLOPT_SSLCERT, path)
        case .data(let pem): try setBlob(CURLOPT_SSLCERT_BLOB, pem)
        case nil: break
        }
        if tls.clientCertificate != nil { try set(CURLOPT_SSLCERTTYPE, "PEM") }
        switch tls.clientKey?.value {
        case .file(let path): try set(CURLOPT_SSLKEY, path)
        case .data(let pem): try setBlob(CURLOPT_SSLKEY_BLOB, pem)
        case nil: break
        }
        if tls.clientKey != nil { try set(CURLOPT_SSLKEYTYPE, "PEM") }
    }

    /// Verifies the certificate against `serverName` while still connecting to the URL's host:
    /// the URL names the expected server, CONNECT_TO sends the connection to the real address.
    private func routeThroughServerName(_ serverName: String, url: String) throws(HTTPError) -> String {
        guard var components = URLComponents(string: url), let host = components.host else {
            throw .invalidRequest(url: url, detail: "the URL has no host")
        }
        let port = components.port ?? (components.scheme == "http" ? 80 : 443)
        components.host = serverName
        guard let rewritten = components.string else {
            throw .invalidRequest(url: url, detail: "tls-server-name \(serverName) is not a valid host name")
        }
        let bracketedHost = host.contains(":") ? "[\(host)]" : host
        connectTo = curl_slist_append(nil, "\(serverName):\(port):\(bracketedHost):\(port)")
        try check(heal_easy_setopt_pointer(handle, CURLOPT_CONNECT_TO, connectTo), CURLOPT_CONNECT_TO)
        return rewritten
    }

    private func set(_ option: CURLoption, _ value: Int) throws(HTTPError) {
        try check(heal_easy_setopt_long(handle, option, value), option)
    }

    private func set(_ option: CURLoption, _ value: String) throws(HTTPError) {
        try check(heal_easy_setopt_string(handle, option, value), option)
    }

    private func setBlob(_ option: CURLoption, _ data: Data) throws(HTTPError) {
        let code = data.withUnsafeBytes { bytes in
            heal_easy_setopt_blob(handle, option, bytes.baseAddress, bytes.count)
        }
        try check(code, option)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(HTTPError) {
        guard code != CURLE_OK else { return }
        let reason = String(cString: curl_easy_strerror(code))
        throw .invalidRequest(url: url, detail: "libcurl rejected option \(option.rawValue): \(reason)")
    }

    // MARK: Callbacks (loop thread)

    fileprivate func receiveHeader(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            // A new header block (after a 1xx or proxy CONNECT) replaces the previous one.
            let parts = trimmed.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            headers = []
        } else if trimmed.isEmpty {
            if status >= 200 { deliverHead() }
        } else if let colon = trimmed.firstIndex(of: ":") {
            let name = String(trimmed[..<colon])
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append(HTTPHeader(name, value))
        }
    }

    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) {
        switch delivery {
        case .streaming(_, let stream):
            deliverHead()
            stream.yield(Data(bytes))
        default:
            body.append(contentsOf: bytes)
        }
    }

    private func deliverHead() {
        guard !headDelivered, case .streaming(let head, _) = delivery else { return }
        headDelivered = true
        head.resume(returning: (status, headers))
    }

    // MARK: Completion (loop thread)

    /// Resumes the waiting caller and frees the handle. `code` is nil when the transfer was
    /// cancelled before or while running.
    func complete(with code: CURLcode?) {
        let failure = code.map { code in code == CURLE_OK ? nil : error(for: code) } ?? .cancelled(url: url)
        switch delivery {
        case .buffered(let continuation):
            if let failure {
                continuation.resume(throwing: failure)
            } else {
                continuation.resume(returning: HTTPResponse(status: status, headers: headers, body: body))
            }
        case .streaming(let head, let stream):
            if !headDelivered {
                headDelivered = true
                head.resume(throwing: failure ?? .connectionLost(url: url, detail: "the server sent no response headers"))
            }
            stream.finish(throwing: failure)
        case nil:
            break
        }
        release()
    }

    private func error(for code: CURLcode) -> HTTPError {
        let buffered = String(cString: errorBuffer)
        let detail = buffered.isEmpty ? String(cString: curl_easy_strerror(code)) : buffered
        if code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR, detail.localizedCaseInsensitiveContains("ssl") {
            // A server that refuses our client certificate says so in an alert on the first read.
            return .tlsFailure(url: url, detail: detail)
        }
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_PROXY:
            return .unreachable(url: url, detail: detail)
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(url: url, after: timeout)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            return .tlsFailure(url: url, detail: detail)
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE,
            CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return .connectionLost(url: url, detail: detail)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_READ_ERROR:
            return .invalidRequest(url: url, detail: detail)
        default:
            return .connectionLost(url: url, detail: detail)
        }
    }

    private func release() {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        curl_slist_free_all(connectTo)
        headerList = nil
        connectTo = nil
        errorBuffer.deallocate()
    }
}

private let curlWriteBody: curl_write_callback = { pointer, size, count, context in
    guard let context else { return 0 }
    let length = size * count
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    transfer.receiveBody(UnsafeRawBufferPointer(start: pointer, count: length))
    return length
}

private let curlReceiveHeader: curl_write_callback = { pointer, size, count, context in
    guard let context, let pointer else { return 0 }
    let length = size * count
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
    transfer.receiveHeader(String(decoding: bytes, as: UTF8.self))
    return length
}

extension Duration {
    var milliseconds: Int {
        Int(components.seconds) * 1000 + Int(components.attoseconds / 1_000_000_000_000_000)
    }
}
