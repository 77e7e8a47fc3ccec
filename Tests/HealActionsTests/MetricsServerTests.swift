import Foundation
import Glibc
import HealActions
import HealAnalysis
import HealModel
import HealTestSupport
import Logging
import Testing

@Suite("MetricsServer serves /metrics over HTTP/1.1 on its own threads")
struct MetricsServerTests {
    static func server(_ metrics: HealMetrics = HealMetrics()) throws -> MetricsServer {
        try MetricsServer(address: MetricsAddress(host: "127.0.0.1", port: 0), metrics: metrics, logger: Logger(label: "test"))
    }

    @Test("GET /metrics answers 200 with the exposition and its content type")
    func scrape() throws {
        let metrics = HealMetrics()
        metrics.incidentDetected(code: "oom-killed", namespace: "shop", latencySeconds: 0.3)
        let server = try Self.server(metrics)
        defer { server.stop() }
        #expect(server.address.port != 0)

        let response = try RawHTTP.get(port: server.address.port, "/metrics?x=1")
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
        #expect(response.headers["connection"] == "close")
        #expect(response.headers["content-length"] == String(response.body.utf8.count))
        #expect(response.body == metrics.render())
    }

    @Test("/healthz answers while the process runs; /readyz is 503 until a diagnosis was made from informers that had all listed")
    func probes() throws {
        let metrics = HealMetrics()
        let server = try Self.server(metrics)
        defer { server.stop() }
        #expect(try RawHTTP.get(port: server.address.port, "/healthz").status == 200)
        let waiting = try RawHTTP.get(port: server.address.port, "/readyz")
        #expect(waiting.status == 503 && waiting.body.contains("not ready"), "\(waiting.body)")
        let diagnosis = Diagnoser.diagnose(ClusterSnapshot(), now: Timestamp(secondsSince1970: 0))
        metrics.setDiagnosis(diagnosis, synced: false)
        #expect(try RawHTTP.get(port: server.address.port, "/readyz").status == 503, "made from what the collection read: not yet")
        metrics.setDiagnosis(diagnosis, synced: true)
        #expect(try RawHTTP.get(port: server.address.port, "/readyz").status == 200)
        #expect(try RawHTTP.get(port: server.address.port, "/readyz", method: "HEAD").status == 200)
    }

    @Test("HEAD sends the headers only")
    func head() throws {
        let server = try Self.server()
        defer { server.stop() }
        let response = try RawHTTP.get(port: server.address.port, "/metrics", method: "HEAD")
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(Int(response.headers["content-length"] ?? "") ?? 0 > 0)
    }

    @Test(
        "other paths are 404, other methods 405, non-HTTP 400, an oversized head 431",
        arguments: [
            (["GET / HTTP/1.1\r\n\r\n"], 404),
            (["GET /metricsx HTTP/1.1\r\n\r\n"], 404),
            (["POST /metrics HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"], 405),
            (["DELETE /metrics HTTP/1.1\r\n\r\n"], 405),
            (["hello\r\n\r\n"], 400),
            (["GET /metrics HTTP/2.0\r\n\r\n"], 400),
            (["GET /metrics HTTP/1.1\r\nX-Padding: " + String(repeating: "a", count: 9000) + "\r\n\r\n"], 431),
            // A request that arrives in pieces, split inside the line terminators.
            (["GE", "T /metr", "ics HTTP/1.1\r", "\nHost: x\r\n", "\r", "\n"], 200),
            // A lenient client's bare LFs.
            (["GET /metrics HTTP/1.0\n\n"], 200),
        ])
    func statuses(pieces: [String], status: Int) throws {
        let server = try Self.server()
        defer { server.stop() }
        #expect(try RawHTTP.exchange(port: server.address.port, pieces).status == status)
    }

    @Test("405 says which methods are allowed")
    func allow() throws {
        let server = try Self.server()
        defer { server.stop() }
        #expect(try RawHTTP.get(port: server.address.port, "/metrics", method: "PUT").headers["allow"] == "GET, HEAD")
    }

    @Test("a client that sends nothing does not hold up the next scrape")
    func silentClient() throws {
        let server = try Self.server()
        defer { server.stop() }
        let silent = try RawHTTP.connect(port: server.address.port)
        defer { close(silent) }
        #expect(try RawHTTP.get(port: server.address.port, "/metrics").status == 200)
    }

    @Test("connections beyond the limit are closed unanswered, and stop() cuts the open ones")
    func connectionLimit() throws {
        let server = try Self.server()
        let silent = try (0..<8).map { _ in try RawHTTP.connect(port: server.address.port) }
        defer { silent.forEach { close($0) } }
        #expect(throws: RawHTTP.Failure.self) { try RawHTTP.get(port: server.address.port, "/metrics") }
        server.stop()
        var byte: UInt8 = 0
        for descriptor in silent { #expect(recv(descriptor, &byte, 1, 0) == 0) }
    }

    @Test("a port in use fails with the address and a hint; stop() frees it")
    func addressInUse() throws {
        let first = try Self.server()
        let port = first.address.port
        let taken = MetricsAddress(host: "127.0.0.1", port: port)
        let error = try #require(throws: MetricsServerError.self) {
            try MetricsServer(address: taken, metrics: HealMetrics(), logger: Logger(label: "test"))
        }
        #expect(error == .addressInUse(address: "127.0.0.1:\(port)"))
        #expect(error.message == "--metrics-addr 127.0.0.1:\(port) is already in use by another process")
        #expect(error.hint.contains("another port"))

        first.stop()
        let second = try MetricsServer(address: taken, metrics: HealMetrics(), logger: Logger(label: "test"))
        second.stop()
        #expect(throws: (any Error).self) { try RawHTTP.get(port: port, "/metrics") }
    }

    @Test("a host that does not resolve is an invalid address")
    func unresolvable() {
        #expect(throws: MetricsServerError.self) {
            try MetricsServer(address: MetricsAddress(host: "no-such-host.invalid", port: 0), metrics: HealMetrics(), logger: Logger(label: "test"))
        }
    }

    @Test("every interface (:0) is reachable on 127.0.0.1")
    func everyInterface() throws {
        let server = try MetricsServer(address: MetricsAddress(parsing: ":0"), metrics: HealMetrics(), logger: Logger(label: "test"))
        defer { server.stop() }
        #expect(server.address.host == "")
        #expect(try RawHTTP.get(port: server.address.port, "/metrics").status == 200)
    }

    @Test("promtool accepts the exposition", .enabled(if: Self.promtool != nil, "promtool is not installed (Debian package prometheus); skipped"))
    func promtoolCheck() throws {
        let metrics = HealMetrics()
        metrics.incidentDetected(code: "crash-loop", namespace: "shop", latencySeconds: 1.2)
        metrics.actionFinished(.restartPod, outcome: .succeeded, source: .learned, seconds: 75)
        metrics.setWatchedPods(12)
        let process = Process()
        process.executableURL = URL(filePath: try #require(Self.promtool))
        process.arguments = ["check", "metrics"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(metrics.render().utf8))
        try input.fileHandleForWriting.close()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "promtool check metrics: \(report)")
    }

    static let promtool: String? = ProcessInfo.processInfo.environment["PATH"]?
        .split(separator: ":").map { "\($0)/promtool" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}
