import HealActions
import Testing

@Suite("--metrics-addr parses like Prometheus exporters' listen addresses")
struct MetricsAddressTests {
    @Test(
        "HOST:PORT, :PORT and [IPv6]:PORT",
        arguments: [
            ("127.0.0.1:9464", "127.0.0.1", 9464 as UInt16),
            (":9464", "", 9464),
            ("localhost:0", "localhost", 0),
            ("[::1]:9464", "::1", 9464),
            ("[::]:80", "::", 80),
        ])
    func parses(text: String, host: String, port: UInt16) throws {
        let address = try MetricsAddress(parsing: text)
        #expect(address == MetricsAddress(host: host, port: port))
        #expect(address.description == (host.isEmpty ? ":\(port)" : text))
    }

    @Test(
        "anything else is an invalid address, with the reason",
        arguments: [
            ("9464", "no port; write HOST:PORT or :PORT"),
            ("127.0.0.1:", "the port must be a number from 0 to 65535"),
            ("127.0.0.1:65536", "the port must be a number from 0 to 65535"),
            ("127.0.0.1:http", "the port must be a number from 0 to 65535"),
            (":-1", "the port must be a number from 0 to 65535"),
            ("::1:9464", "an IPv6 address needs brackets, e.g. [::1]:9464"),
        ])
    func rejects(text: String, reason: String) {
        #expect(throws: MetricsServerError.invalidAddress(address: text, reason: reason)) { try MetricsAddress(parsing: text) }
    }
}
