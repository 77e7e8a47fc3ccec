/// `--metrics-addr` as Prometheus exporters take it: `HOST:PORT`, `:PORT` for every interface,
/// `[::1]:PORT` for an IPv6 literal; port 0 asks the kernel for a free port.
package struct MetricsAddress: Sendable, Equatable, CustomStringConvertible {
    /// Empty for every interface.
    package var host: String
    package var port: UInt16

    package init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    package init(parsing text: String) throws(MetricsServerError) {
        guard let colon = text.lastIndex(of: ":") else {
            throw .invalidAddress(address: text, reason: "no port; write HOST:PORT or :PORT")
        }
        var host = String(text[..<colon])
        let portText = text[text.index(after: colon)...]
        if host.hasPrefix("[") && host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            throw .invalidAddress(address: text, reason: "an IPv6 address needs brackets, e.g. [::1]:9464")
        }
        guard !portText.isEmpty, portText.allSatisfy({ $0.isASCII && $0.isNumber }), let port = UInt16(portText) else {
            throw .invalidAddress(address: text, reason: "the port must be a number from 0 to 65535")
        }
        self.init(host: host, port: port)
    }

    package var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
