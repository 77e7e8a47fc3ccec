import Foundation
import HealTestSupport
import Testing

/// `anomalies` reading 14 days of known memory histories from a real Prometheus (namespace
/// anomaly-demo of scripts/prometheus/usage_data.py, backfilled with promtool): the predictions
/// the data was built for, end to end through the CLI.
@Suite("anomalies against a real Prometheus", .enabled(if: PrometheusFixture.toolsInstalled, "needs Debian's prometheus package (prometheus, promtool) and python3; scripts/install-deps.sh installs them"))
struct AnomaliesPrometheusTests {
    static let workloads = """
        {"apiVersion":"v1","kind":"List","items":[
        \(deployment("cache", replicas: 2, limit: "512Mi")),
        \(deployment("leaky", replicas: 1, limit: "1Gi")),
        \(deployment("flat", replicas: 1, limit: "512Mi")),
        \(deployment("fresh", replicas: 1, limit: "128Mi")),
        \(deployment("throttled", replicas: 1, limit: "512Mi", cpuLimit: "200m")),
        \(deployment("shifted", replicas: 1, limit: "1Gi")),
        \(deployment("busy", replicas: 1, limit: "512Mi")),
        \(deployment("spiky", replicas: 1, limit: "512Mi")),
        \(deployment("crashy", replicas: 1, limit: "512Mi")),
        \(deployment("changed", replicas: 1, limit: "256Mi"))
        ]}
        """

    static func deployment(_ name: String, replicas: Int, limit: String, cpuLimit: String? = nil) -> String {
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"\(name)","namespace":"anomaly-demo","uid":"00000000-0000-4000-9000-\(String(repeating: "0", count: 12 - name.count))\(name.count)"},
         "spec":{"replicas":\(replicas),"selector":{"matchLabels":{"app":"\(name)"}},"template":{"metadata":{"labels":{"app":"\(name)"}},"spec":{"containers":[{"name":"app","image":"busybox:1.36","resources":{"requests":{"cpu":"100m","memory":"\(limit)"},"limits":{"memory":"\(limit)"\(cpuLimit.map { #","cpu":"\#($0)""# } ?? "")}}}]}}},
         "status":{"replicas":\(replicas),"readyReplicas":\(replicas),"availableReplicas":\(replicas),"updatedReplicas":\(replicas)}}
        """
    }

    static let end = PrometheusFixture.endSeconds
    static let start = end - 14 * 86_400

    /// The data's next kill of a saw-tooth pod after END: its next cycle end.
    static func nextKill(periodMinutes: Double, offsetMinutes: Double) -> Double {
        let cycleStart = start + offsetMinutes * 60
        let cycles = ((end - cycleStart) / (periodMinutes * 60)).rounded(.down) + 1
        return cycleStart + cycles * periodMinutes * 60
    }

    let scenario: PrometheusScenario
    var prometheus: PrometheusFixture { scenario.prometheus }
    var snapshot: String { scenario.snapshot }

    init() async throws {
        scenario = try await PrometheusScenario(namespace: "anomaly-demo", objects: Self.workloads)
    }

    private func run(_ arguments: [String]) async -> CLIRun {
        await scenario.run(arguments)
    }

    private func time(_ value: Any?) throws -> Double {
        let text = try #require(value as? String)
        return try #require(try? Date(text, strategy: .iso8601)).timeIntervalSince1970
    }

    @Test("saw-tooth OOM with two periods: each pod's period and next kill within 45 minutes; a slow leak's time to the limit; steady says nothing; young says not enough history")
    func predictions() async throws {
        let run = await run(["anomalies", "-o", "json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        let anomalies = try #require(document["anomalies"] as? [[String: Any]])
        let byWorkload = Dictionary(grouping: anomalies) { ($0["workload"] as? [String: Any])?["name"] as? String ?? "" }

        let cache = try #require(byWorkload["cache"]?.first, "\(anomalies)")
        #expect(cache["code"] as? String == "oom-predicted" && cache["container"] as? String == "app")
        let pods = try #require(cache["pods"] as? [[String: Any]])
        #expect(pods.count == 2)
        for (name, period, offset) in [("cache-5d8f7b6c9d-a1b2c", 300.0, 0.0), ("cache-5d8f7b6c9d-d3e4f", 360.0, 100.0)] {
            let pod = try #require(pods.first { $0["pod"] as? String == name }, "\(pods)")
            #expect(pod["pattern"] as? String == "saw-tooth")
            let measured = try #require(pod["periodSeconds"] as? Double)
            #expect(abs(measured - period * 60) <= 10 * 60, "\(name): period \(measured) s, built \(period) min")
            let next = try time(pod["next"])
            let expected = Self.nextKill(periodMinutes: period, offsetMinutes: offset)
            #expect(abs(next - expected) <= 45 * 60, "\(name): next kill \(next), built \(expected)")
            // The span the intervals seen allow holds the built kill too.
            #expect(try time(pod["earliest"]) <= expected + 45 * 60 && expected - 45 * 60 <= (try time(pod["latest"])), "\(pod)")
            #expect((pod["resets"] as? [String])?.count ?? 0 >= 15, "4 days of detail (PrometheusMemoryHistory.detailSeconds) of 5–6 h cycles")
        }

        let leaky = try #require(byWorkload["leaky"]?.first, "\(anomalies)")
        #expect(leaky["code"] as? String == "oom-predicted")
        let leak = try #require((leaky["pods"] as? [[String: Any]])?.first)
        #expect(leak["pattern"] as? String == "trend")
        #expect(abs((leak["growthBytesPerHour"] as? Double ?? 0) - 2 * 1_048_576) < 0.1 * 1_048_576, "\(leak)")
        let reached = try time(leak["next"])
        let built = Self.end + (1024 - (100 + 2 * 14 * 24)) / 2.0 * 3600
        #expect(abs(reached - built) <= 3 * 3600, "reaches 1Gi at \(reached), built \(built)")

        #expect(byWorkload["flat"] == nil, "a steady container says nothing")
        let shifted = try #require(byWorkload["shifted"]?.first, "\(anomalies)")
        #expect(shifted["code"] as? String == "usage-shift" && byWorkload["shifted"]?.count == 1, "\(byWorkload["shifted"] ?? [])")
        let shift = try #require(shifted["summary"] as? String)
        #expect(["150Mi", "151Mi"].contains { shift.contains("median \($0) before, ") } && ["400Mi", "401Mi"].contains { shift.contains(", \($0) since") }, "\(shift)")
        let changed = try #require((shifted["summary"] as? String)?.split(separator: " ").first { $0.hasPrefix("2025-") }.map(String.init))
        #expect(abs(try time(changed.trimmingCharacters(in: .punctuationCharacters)) - (Self.end - 2 * 86_400)) <= 3600, "\(changed)")
        let busy = try #require(byWorkload["busy"], "\(anomalies)")
        #expect(busy.count == 1 && busy.first?["code"] as? String == "usage-shift", "a CPU shift, and no outlier for the hours after it: \(busy)")
        let cpuShift = try #require(busy.first?["summary"] as? String)
        #expect(
            cpuShift.hasPrefix("CPU settled at another level around ") && ["100m", "101m"].contains { cpuShift.contains("median \($0) before, ") }
                && ["400m", "401m"].contains { cpuShift.contains(", \($0) since") }, "\(cpuShift)")
        let cpuChanged = try #require(cpuShift.split(separator: " ").first { $0.hasPrefix("2025-") }.map(String.init))
        #expect(abs(try time(cpuChanged.trimmingCharacters(in: .punctuationCharacters)) - (Self.end - 3 * 86_400)) <= 3600, "\(cpuChanged)")
        #expect(
            anomalies.allSatisfy { $0["code"] as? String != "usage-shift" || ["shifted", "busy", "changed"].contains(($0["workload"] as? [String: Any])?["name"] as? String) },
            "no level shift for the saw-tooth, the leak, the daily rhythm or the steady ones")

        // Steady at 40Mi, then a saw-tooth to the limit from END-2d: the pattern changed, and kills follow.
        let swinging = try #require(byWorkload["changed"], "\(anomalies)")
        #expect(Set(swinging.compactMap { $0["code"] as? String }) == ["usage-shift", "oom-predicted"], "\(swinging)")
        let pattern = try #require(swinging.first { $0["code"] as? String == "usage-shift" }?["summary"] as? String)
        #expect(pattern.hasPrefix("memory pattern changed around ") && ["40Mi", "41Mi"].contains { pattern.contains(": steady around \($0) before, swinging between ") }, "\(pattern)")
        let patternChanged = try #require(pattern.split(separator: " ").first { $0.hasPrefix("2025-") }.map(String.init))
        #expect(abs(try time(patternChanged.trimmingCharacters(in: .punctuationCharacters)) - (Self.end - 2 * 86_400)) <= 3600, "\(patternChanged)")
        let sawTooth = try #require((swinging.first { $0["code"] as? String == "oom-predicted" }?["pods"] as? [[String: Any]])?.first)
        #expect(abs((sawTooth["periodSeconds"] as? Double ?? 0) - 4 * 3600) <= 600, "\(sawTooth)")

        // The last 3 hours at 1.5 cores, where every week before had 0.2: outliers; its 09:00–11:00 rise every day is not.
        let spiky = try #require(byWorkload["spiky"], "\(anomalies)")
        #expect(spiky.count == 1 && spiky.first?["code"] as? String == "usage-outlier" && spiky.first?["severity"] as? String == "warning", "\(spiky)")
        let outlier = try #require(spiky.first?["summary"] as? String)
        #expect(outlier.hasPrefix("CPU 1500m in the hour to 2025-06-26T00:00:00Z, where the same hour a week before and the usual change say 200m; 3 hours of the last day"), "\(outlier)")
        #expect(anomalies.allSatisfy { $0["code"] as? String != "usage-outlier" || ($0["workload"] as? [String: Any])?["name"] as? String == "spiky" }, "\(anomalies)")

        // 12 restarts in the last day after 3 in the 13 before; the cache pods' kills every few hours are their usual rate.
        let crashy = try #require(byWorkload["crashy"], "\(anomalies)")
        #expect(crashy.count == 1 && crashy.first?["code"] as? String == "restart-rate-jump" && crashy.first?["severity"] as? String == "critical", "\(crashy)")
        #expect((crashy.first?["summary"] as? String)?.hasPrefix("12 restarts in the last day against 0.2 a day over the 13d before") == true, "\(crashy)")
        #expect(anomalies.allSatisfy { $0["code"] as? String != "restart-rate-jump" || ($0["workload"] as? [String: Any])?["name"] as? String == "crashy" }, "\(anomalies)")
        let throttled = try #require(byWorkload["throttled"]?.first, "\(anomalies)")
        #expect(throttled["code"] as? String == "cpu-throttled" && throttled["severity"] as? String == "warning")
        #expect((throttled["summary"] as? String)?.hasPrefix("its 200m CPU limit throttled it in 40% of its scheduling periods over the last 1d") == true, "\(throttled)")
        let short = try #require(document["notEnoughHistory"] as? [[String: Any]])
        let fresh = try #require(short.first { ($0["workload"] as? [String: Any])?["name"] as? String == "fresh" }, "\(short)")
        #expect((fresh["reason"] as? String)?.hasPrefix("not enough history: 2h") == true, "\(fresh)")
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(
            summary["quiet"] as? Int == 1 && summary["anomalies"] as? Int == 9 && summary["notEnoughHistory"] as? Int == 1 && summary["containers"] as? Int == 10,
            "\(summary)")
    }

    @Test("the table says what each anomaly is; --fail-on counts them; snapshot files without --prometheus-url are a usage error")
    func tableAndExitCodes() async throws {
        let table = await run(["anomalies", "--fail-on", "warning"])
        #expect(table.exitCode == 1, "\(table.stderr)")
        #expect(table.stdout.contains("oom-predicted") && table.stdout.contains("next OOM kill: cache-5d8f7b6c9d-a1b2c at "), "\(table.stdout)")
        #expect(table.stdout.contains("? anomaly-demo/deployment/fresh (app): not enough history"), "\(table.stdout)")
        #expect(table.stdout.contains("9 anomalies (") && table.stdout.contains("1 steady"), "\(table.stdout)")
        let offline = await CLIRunner.run(["anomalies", "--snapshot", snapshot, "-n", "anomaly-demo"])
        #expect(offline.exitCode == 64 && offline.stderr.contains("--prometheus-url"), "\(offline.stderr)")
        let window = await run(["anomalies", "--window", "90d"])
        #expect(window.exitCode == 64 && window.stderr.contains("--window 90d"), "\(window.stderr)")
    }

    @Test("diagnose --anomalies: the predictions are findings of the report, on the pod due first, with the memory raise --fix would plan; --fail-on sees them")
    func diagnoseAnomalies() async throws {
        let found = await run(["diagnose", "--anomalies", "-o", "json", "--fail-on", "warning"])
        #expect(found.exitCode == 1, "\(found.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [String: Any], "\(found.stdout)")
        let findings = try #require(document["findings"] as? [[String: Any]])
        let cache = try #require(findings.first { $0["code"] as? String == "oom-predicted" && ($0["owner"] as? [String: Any])?["name"] as? String == "cache" }, "\(findings)")
        #expect((cache["resource"] as? [String: Any])?["kind"] as? String == "Pod" && cache["analyzer"] as? String == "anomalies")
        let remediation = try #require(cache["remediation"] as? [String: Any])
        #expect(remediation["action"] as? String == "raise-memory-limit" && (remediation["parameters"] as? [String: String])?["to"] == "615Mi", "\(remediation)")
        #expect((cache["evidence"] as? [[String: Any]])?.first?["source"] as? String == "history")
        #expect(findings.contains { $0["code"] as? String == "oom-predicted" && ($0["owner"] as? [String: Any])?["name"] as? String == "leaky" })
        #expect(!findings.contains { ($0["owner"] as? [String: Any])?["name"] as? String == "flat" })
        #expect(findings.contains { $0["code"] as? String == "cpu-throttled" && ($0["resource"] as? [String: Any])?["name"] as? String == "throttled" }, "\(findings)")
        #expect(((document["metadata"] as? [String: Any])?["analyzers"] as? [String])?.contains("anomalies") == true)
        let without = await run(["diagnose", "-o", "json"])
        #expect(!without.stdout.contains("oom-predicted"), "history is read only when asked")
        let stray = await CLIRunner.run(["diagnose", "--snapshot", snapshot, "--prometheus-url", prometheus.url])
        #expect(stray.exitCode == 64 && stray.stderr.contains("--prometheus-url is read with --anomalies"), "\(stray.stderr)")
        for (arguments, message) in [
            (["--anomalies", "--watch", "--anomaly-interval", "5s"], "--anomaly-interval 5s is under 10s"),
            (["--anomalies", "--anomaly-interval", "1m"], "--anomaly-interval is how often --watch reads the history again; add --watch"),
            (["--watch", "--anomaly-interval", "1m"], "--anomaly-interval is read with --anomalies"),
        ] {
            let refused = await CLIRunner.run(["diagnose"] + arguments)
            #expect(refused.exitCode == 64 && refused.stderr.contains(message), "\(arguments): \(refused.stderr)")
        }
    }
}
