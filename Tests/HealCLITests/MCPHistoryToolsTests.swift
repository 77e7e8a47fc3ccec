import Foundation
import HealTestSupport
import MCP
import Testing

/// The anomalies and forecast tools of `kubectl heal mcp` against the fake control plane and the
/// real test Prometheus, at the data's end: the same documents as the CLI's `-o json`.
@Suite("kubectl heal mcp: anomalies and forecast", .enabled(if: PrometheusFixture.toolsInstalled, "needs Debian's prometheus package and python3"))
struct MCPHistoryToolsTests {
    @Test("anomalies and forecast return the CLI's documents; a window or horizon out of range is refused with the argument named")
    func historyTools() async throws {
        let prometheus = try await PrometheusFixture.shared()
        let cluster = try FakeCluster()
        try cluster.create(json: AnomaliesWatchTests.deployment("cache", limit: "512Mi"))
        try cluster.create(json: #"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"billing","namespace":"forecast-demo"},
             "spec":{"replicas":1,"selector":{"matchLabels":{"app":"billing"}},"template":{"metadata":{"labels":{"app":"billing"}},
              "spec":{"containers":[{"name":"app","image":"nginx:1.27","resources":{"requests":{"cpu":"250m","memory":"256Mi"}}}]}}}}
            """#)
        #expect(await cluster.settle())
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        let end: @Sendable () -> Date = { Date(timeIntervalSince1970: PrometheusFixture.endSeconds) }
        let access = ["--kubeconfig", kubeconfig.path, "--prometheus-url", prometheus.url]
        let session = try await MCPSession(access, now: end)
        let cases: [(tool: String, arguments: [String: Value], cli: [String])] = [
            ("anomalies", ["namespace": "anomaly-demo"], ["anomalies", "-n", "anomaly-demo"]),
            ("forecast", ["namespace": "forecast-demo", "target_utilization": 60], ["forecast", "-n", "forecast-demo", "--target-utilization", "60"]),
        ]
        for (tool, arguments, cli) in cases {
            let result = try await session.call(tool, arguments)
            #expect(result.isError == false, "\(tool): \(result.text)")
            let expected = await CLIRunner.run(cli + access + ["-o", "json"], now: end)
            #expect(expected.exitCode == 0, "\(expected.stderr)")
            #expect(result.structuredContent == (try Value.parsing(expected.stdout)), "\(tool)")
        }
        let anomalies = try await session.call("anomalies", ["namespace": "anomaly-demo"])
        #expect(anomalies.structuredContent?["anomalies"]?.arrayValue?.first?["code"] == "oom-predicted", "\(anomalies.text)")
        let forecast = try await session.call("forecast", ["namespace": "forecast-demo", "target_utilization": 60])
        #expect(forecast.structuredContent?["workloads"]?.arrayValue?.first?["scaling"]?["targetUtilization"] == 60, "\(forecast.text)")
        let window = try await session.call("anomalies", ["namespace": "anomaly-demo", "window": "90d"])
        #expect(window.isError == true && window.text.contains("\"window\" must be between 1h and 30d"), "\(window.text)")
        let horizon = try await session.call("forecast", ["namespace": "forecast-demo", "horizon": "30d"])
        #expect(horizon.isError == true && horizon.text.contains("\"horizon\" must be between 1h and 7d"), "\(horizon.text)")
        #expect(await session.closeInput() == 0)
        #expect(cluster.server.requests.allSatisfy { $0.method == "GET" })
    }
}
