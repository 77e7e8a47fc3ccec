import Foundation
import HealTestSupport
import Testing

/// `recommend-limits` and `cost` reading 14 days of known usage from a real Prometheus (the
/// `demo` series of scripts/prometheus/usage_data.py, backfilled with promtool): the figures
/// the data was built for, end to end through the CLI.
@Suite("recommend-limits and cost against a real Prometheus", .enabled(if: PrometheusFixture.toolsInstalled, "needs Debian's prometheus package (prometheus, promtool) and python3; scripts/install-deps.sh installs them"))
struct RecommendLimitsPrometheusTests {
    /// The usage-demo workloads as `kubectl get -o json` prints them; pods are not needed:
    /// series are matched to workloads by the pod-name shape of their kind.
    static let workloads = """
        {"apiVersion":"v1","kind":"List","items":[
        \(deployment("steady", replicas: 2, requests: #"{"cpu":"500m","memory":"512Mi"}"#, limits: #"{"cpu":"1","memory":"512Mi"}"#)),
        \(deployment("daily-peak", replicas: 1, requests: #"{"cpu":"100m","memory":"128Mi"}"#, limits: #"{"memory":"128Mi"}"#)),
        \(deployment("young", replicas: 1, requests: #"{"cpu":"300m","memory":"64Mi"}"#, limits: #"{"memory":"64Mi"}"#)),
        {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"leak","namespace":"usage-demo","uid":"7d0c6a52-0d4e-4f0e-9a55-2f0d5b1c3e01"},
         "spec":{"selector":{"matchLabels":{"app":"leak"}},"template":{"metadata":{"labels":{"app":"leak"}},"spec":{"containers":[{"name":"app","image":"busybox:1.36","resources":{"requests":{"cpu":"50m","memory":"256Mi"},"limits":{"memory":"256Mi"}}}]}}},
         "status":{"currentNumberScheduled":1,"desiredNumberScheduled":1,"numberMisscheduled":0,"numberReady":1,"numberAvailable":1}},
        {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"oom","namespace":"usage-demo","uid":"3b9f1f3e-6c1a-4d0b-8e63-4c2a7f9d1e02"},
         "spec":{"replicas":1,"serviceName":"oom","selector":{"matchLabels":{"app":"oom"}},"template":{"metadata":{"labels":{"app":"oom"}},"spec":{"containers":[{"name":"app","image":"busybox:1.36","resources":{"requests":{"cpu":"100m","memory":"256Mi"},"limits":{"memory":"256Mi"}}}]}}},
         "status":{"replicas":1,"readyReplicas":1,"currentReplicas":1,"updatedReplicas":1,"availableReplicas":1}}
        ]}
        """

    static func deployment(_ name: String, replicas: Int, requests: String, limits: String) -> String {
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"\(name)","namespace":"usage-demo","uid":"00000000-0000-4000-8000-\(String(repeating: "0", count: 12 - name.count))\(name.count)"},
         "spec":{"replicas":\(replicas),"selector":{"matchLabels":{"app":"\(name)"}},"template":{"metadata":{"labels":{"app":"\(name)"}},"spec":{"containers":[{"name":"app","image":"busybox:1.36","resources":{"requests":\(requests),"limits":\(limits)}}]}}},
         "status":{"replicas":\(replicas),"readyReplicas":\(replicas),"availableReplicas":\(replicas),"updatedReplicas":\(replicas)}}
        """
    }

    let scenario: PrometheusScenario
    var prometheus: PrometheusFixture { scenario.prometheus }
    var snapshot: String { scenario.snapshot }

    init() async throws {
        scenario = try await PrometheusScenario(namespace: "usage-demo", objects: Self.workloads)
    }

    private func run(_ arguments: [String]) async -> CLIRun {
        await scenario.run(arguments)
    }

    @Test("the recommendations are the ones the data was built for; too little history is ? with the reason")
    func recommendations() async throws {
        let run = await run(["recommend-limits"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        // steady: p95 0.2 core → 200m, no CPU limit; peak 300Mi (the earlier ReplicaSet's pod) × 1.15 = 345Mi.
        // daily-peak: 2 h a day at 0.9 core is 8.3% of the time, above the 5% p95 leaves out → 900m; 150Mi × 1.15 → 173Mi.
        // leak: peak 500Mi × 1.15 = 575Mi. oom: peak 256Mi × 1.15 = 295Mi, but the OOM kill at 256Mi
        // asks for at least max(256 + 100, 256 × 1.2) = 356Mi. young: 2 h of history, under the 3 h minimum.
        try GoldenFile.assertMatches(run.stdout, "recommend-prometheus.txt")

        let json = await self.run(["recommend-limits", "-o", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let workloads = try #require(document["workloads"] as? [[String: Any]])
        func container(_ name: String) throws -> [String: Any] {
            let workload = try #require(workloads.first { ($0["ref"] as? [String: Any])?["name"] as? String == name })
            return try #require((workload["containers"] as? [[String: Any]])?.first)
        }
        #expect(try container("steady")["confidence"] as? String == "high")
        let steady = try #require(try container("steady")["recommended"] as? [String: [String: Double]])
        #expect(steady["requests"]?["cpu"] == 0.2)
        #expect(steady["requests"]?["memory"] == Double(345 * 1_048_576))
        #expect(steady["limits"]?["memory"] == Double(345 * 1_048_576))
        #expect(steady["limits"]?["cpu"] == nil)
        let oom = try #require(try container("oom")["recommended"] as? [String: [String: Double]])
        #expect(oom["limits"]?["memory"] == Double(356 * 1_048_576))
        let young = try container("young")
        #expect(young["recommended"] == nil)
        #expect(young["confidence"] as? String == "unknown")
        #expect((young["reasons"] as? [String])?.contains { $0.contains("2h") && $0.contains("3h") } == true, "\(young)")
        let usage = try #require((document["metadata"] as? [String: Any])?["usage"] as? [String: Any])
        #expect(usage["source"] as? String == "prometheus")
        #expect(usage["endpoint"] as? String == "prometheus \(prometheus.url)")
    }

    @Test("-o patch for the Prometheus-backed recommendations removes the CPU limit and sets memory request = limit")
    func patch() async throws {
        let run = await run(["recommend-limits", "deployment/steady", "-o", "patch"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#"kubectl patch deployment steady -n usage-demo --type strategic -p '{"spec":{"template":{"spec":{"containers":[{"name":"app","resources":{"limits":{"cpu":null,"memory":"345Mi"},"requests":{"cpu":"200m","memory":"345Mi"}}}]}}}}'"#), "\(run.stdout)")
    }

    @Test("cost bills max(request, mean usage) and prices the idle part when usage is known")
    func cost() async throws {
        let run = await run(["cost", "-o", "csv"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        // daily-peak requests 100m but uses 1/6 core on average: billed on usage,
        // 1/6 × $0.031611 × 730 = $3.85; memory 128Mi requested, 150Mi used → usage, 150/1024 × $0.004237 × 730 = $0.45.
        #expect(run.stdout.contains("usage-demo,Deployment,daily-peak,1,3.85,0.45,4.30,0.00,usage,usage,"), "\(run.stdout)")
        // steady (2 replicas) requests 500m and 512Mi per pod, uses about 0.2 core and 200-300Mi: billed on requests,
        // with the unused part as idle cost.
        let steady = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("usage-demo,Deployment,steady,2,") })
        let fields = steady.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(fields[4] == "23.08")  // 2 × 0.5 × $0.031611 × 730
        #expect(fields[8] == "request")
        #expect((Double(fields[7]) ?? 0) > 0, "idle cost is known: \(steady)")
    }
}
