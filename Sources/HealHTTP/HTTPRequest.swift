import Foundation

/// One HTTP request, with everything the transfer needs (TLS material included), so that
/// concurrent requests with different credentials never share mutable client state.
package struct HTTPRequest: Sendable {
    package var method: String
    package var url: String
    package var headers: [HTTPHeader]
    package var body: Data?
    /// Limit for the whole exchange; `nil` for streams that stay open (watches, log follows).
    package var timeout: Duration?
    package var connectTimeout: Duration
    package var tls: TLSConfiguration
    package var proxyURL: String?

    package init(
        method: String = "GET",
        url: String,
        headers: [HTTPHeader] = [],
        body: Data? = nil,
        timeout: Duration? = .seconds(30),
        connectTimeout: Duration = .seconds(10),
        tls: TLSConfiguration = TLSConfiguration(),
        proxyURL: String? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.tls = tls
        self.proxyURL = proxyURL
    }
}
