import Foundation
import HealActions
import HealAnalysis
@testable import HealApp
import HealModel
import HealTestSupport
import HealUsage
import Logging
import Synchronization
import Testing

/// `AnomalyRefresh` against the test Prometheus behind a transport that fails until the test lets
/// it through: a read that fails keeps the last findings and says so on stderr; the next one
/// works and says that.
@Suite("The history re-read of diagnose --watch --anomalies outlives a Prometheus that fails", .enabled(if: PrometheusFixture.toolsInstalled, "needs Debian's prometheus package and python3"))
struct AnomalyRefreshTests {
    /// Fails every request as an unreachable server would while `down`, else forwards.
    final class Outage: PrometheusTransport {
        let forward: any PrometheusTransport
        let down = Mutex(true)

        init(_ forward: any PrometheusTransport) {
            self.forward = forward
        }

        var endpointDescription: String { forward.endpointDescription }

        func get(path: String, query: [URLQueryItem]) async throws(UsageError) -> PrometheusHTTPAnswer {
            if down.withLock({ $0 }) { throw .prometheusUnreachable(endpoint: endpointDescription, reason: "connection refused") }
            return try await forward.get(path: path, query: query)
        }
    }

    @Test("a failed read is said, the last findings stay until a read works, and that read is said too")
    func failedReadIsRetried() async throws {
        let prometheus = try await PrometheusFixture.shared()
        let transport = Outage(DirectPrometheusTransport(connection: try PrometheusConnection(url: prometheus.url)))
        let stderr = BufferSink()
        let logger = StandardErrorLogHandler.logger("heal", sink: stderr, level: .warning)
        var snapshot = ClusterSnapshot()
        snapshot.deployments = [try JSONDecoder().decode(Deployment.self, from: Data(AnomaliesPrometheusTests.deployment("cache", replicas: 2, limit: "512Mi").utf8))]
        let kept = Finding(code: "kept", severity: .warning, analyzer: "anomalies", resource: ResourceRef(kind: "Deployment", namespace: "anomaly-demo", name: "cache"),
            symptom: "from the read before", rootCause: "from the read before", confidence: 1)
        let history = HistoryFindings(findings: [kept], snapshot: snapshot)
        let detection = AnomalyDetection(client: PrometheusClient(transport: transport), logger: logger)
        let refresh = AnomalyRefresh(
            read: { workloads, end in try await detection.detect(workloads, end: end, windowSeconds: 14 * 86_400) }, history: history,
            interval: .seconds(1), startedWithout: false, logger: logger, now: { Date(timeIntervalSince1970: PrometheusFixture.endSeconds) },
            describe: { "\($0)" })
        let running = Task { await refresh.run() }
        defer { running.cancel() }

        try await waitUntil("the failed read is said", timeout: .seconds(10)) { stderr.text.contains("usage history could not be read") }
        #expect(history.generation == 0 && history.findings(for: snapshot).map(\.code) == ["kept"], "the last findings stay")
        #expect(stderr.text.contains("connection refused") && stderr.text.contains("the last findings stay, next try in 1s"), "\(stderr.text)")
        transport.down.withLock { $0 = false }
        try await waitUntil("a read lands", timeout: .seconds(20)) { history.generation >= 1 }
        #expect(history.findings(for: snapshot).map(\.code) == ["oom-predicted"])
        #expect(stderr.text.contains("anomalies: usage history read again from prometheus http://127.0.0.1:"), "\(stderr.text)")
        running.cancel()
        await running.value
    }
}
