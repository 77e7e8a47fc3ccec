import HealTestSupport
import HealAnalysis
import HealHTTP
import HealModel
import HealUsage
import Testing

/// The `demo` patterns of `scripts/prometheus/usage_data.py`, read back from a real Prometheus.
/// Samples are one minute apart and the window is [END − 14d, END]; the expected figures below
/// are worked out from the patterns by hand.
@Suite(
    "PrometheusUsageSource reads 14 days of known usage from a real Prometheus",
    // Needs Debian's prometheus package (prometheus + promtool) and python3; without them the
    // suite is skipped, with this message.
    .enabled(if: PrometheusFixture.toolsInstalled, "prometheus, promtool or python3 is not installed (scripts/install-deps.sh); skipped"),
    .timeLimit(.minutes(5)))
struct PrometheusUsageSourceTests {
    static let mi = 1024.0 * 1024
    static let day = 86400.0
    static let end = PrometheusFixture.end

    static func ref(_ kind: String, _ name: String, namespace: String = "usage-demo") -> ResourceRef {
        ResourceRef(kind: kind, namespace: namespace, name: name)
    }

    static func workload(_ ref: ResourceRef, pods: [String] = []) -> WorkloadResources {
        WorkloadResources(ref: ref, replicas: max(pods.count, 1), containers: [ContainerResources(name: "app")], podNames: pods)
    }

    /// `steady` names only its two current pods; the others are found by their pods' name shapes.
    static let workloads = [
        workload(ref("Deployment", "steady"), pods: ["steady-7d4b9c8f6d-q9z2w", "steady-7d4b9c8f6d-t5v8n"]),
        workload(ref("Deployment", "daily-peak")),
        workload(ref("DaemonSet", "leak")),
        workload(ref("StatefulSet", "oom")),
        workload(ref("Deployment", "young")),
        workload(ref("Deployment", "idle")),
        workload(ref("Deployment", "steady", namespace: "other")),
        workload(ref("Deployment", "quiet", namespace: "quiet")),
    ]

    /// Queried once for all the tests: CPU at the 50th, 91.5th, 95th and 99th percentiles.
    static func demoUsage() async throws -> [ResourceRef: WorkloadUsage] {
        try await sharedDemoUsage.value
    }

    static func app(_ ref: ResourceRef) async throws -> ContainerUsage {
        let usage = try #require(try await demoUsage()[ref], "no usage for \(ref)")
        #expect(usage.source == .prometheus)
        #expect(Set(usage.containers.keys) == ["app"])  // container="" (pod total) and "POD" left out
        return try #require(usage.containers["app"])
    }

    @Test("steady: 0.2 core at every percentile; 300Mi peak from the earlier ReplicaSet's pod; 14 days from three pods")
    func steady() async throws {
        let app = try await Self.app(Self.ref("Deployment", "steady"))
        for percentile in [50.0, 91.5, 95, 99] {
            #expect(abs(try #require(app.cpuPercentiles[percentile]) - 0.2) < 1e-9, "p\(percentile)")
        }
        #expect(abs(try #require(app.cpuPeakCores) - 0.2) < 1e-9)
        // CPU seconds over pod seconds. Each new pod: 120,960 over 7 days. The old pod: 120,948
        // between its first and last sample, plus 6 as Prometheus extrapolates its counter half a
        // scrape interval past the last one; that sample (END−7d−1m) is placed at the 5-minute
        // step END−7d, so 7 days as well.
        #expect(abs(try #require(app.cpuMeanCores) - (120_954 + 2 * 120_960) / (3 * 7 * Self.day)) < 1e-12)
        // Old pod: END−14d … END−7d−1m, 10,080 samples at 300Mi; each new pod: END−7d … END, 10,081 at 200Mi.
        #expect(app.memoryPeakBytes == 300 * Self.mi)
        #expect(app.samples == 10080 + 2 * 10081)
        let mean = (10080 * 300 + 2 * 10081 * 200) * Self.mi / Double(10080 + 2 * 10081)
        #expect(abs(try #require(app.memoryMeanBytes) - mean) < 1e-3)
        #expect(app.historySeconds == 14 * Self.day)
        #expect(app.oomKills.isEmpty)  // a memory limit alone is no OOM kill
    }

    @Test("rollout: pods of an earlier ReplicaSet count for the Deployment, pods of a same-named one elsewhere do not")
    func rollout() async throws {
        let current = try await Self.app(Self.ref("Deployment", "steady"))
        // Only the old pod ran at 300Mi and before END−7d; the namesake in namespace other runs at 1Gi.
        #expect(current.memoryPeakBytes == 300 * Self.mi)
        #expect(current.historySeconds == 14 * Self.day)
        let namesake = try await Self.app(Self.ref("Deployment", "steady", namespace: "other"))
        #expect(namesake.memoryPeakBytes == 1024 * Self.mi)
        #expect(abs(try #require(namesake.cpuPeakCores) - 0.5) < 1e-9)
    }

    @Test("daily-peak: 0.1 core with 2 hours a day at 0.9 — the median stays low, p95 catches the peak")
    func dailyPeak() async throws {
        let app = try await Self.app(Self.ref("Deployment", "daily-peak"))
        // The 20,161 5-minute rates: per day 116 at 0.9 (12:05…14:00), 1,316 at 0.1, and at each
        // edge one each of 0.26, 0.42, 0.58, 0.74 (windows straddling it); plus END itself at 0.1.
        // Sorted: 18,425 × 0.1, 28 × 0.26, 28 × 0.42, 28 × 0.58, 28 × 0.74, 1,624 × 0.9.
        // Percentile p sits at rank p/100 × 20,160: p50 → 10,080, p91.5 → 18,446.4 (among the
        // 0.26s: 18,425…18,452), p95 → 19,152 and p99 → 19,958.4 (among the 0.9s).
        let expected: [Double: Double] = [50: 0.1, 91.5: 0.26, 95: 0.9, 99: 0.9]
        for (percentile, cores) in expected {
            #expect(abs(try #require(app.cpuPercentiles[percentile]) - cores) < 1e-9, "p\(percentile)")
        }
        #expect(abs(try #require(app.cpuPeakCores) - 0.9) < 1e-9)
        // CPU seconds over the 14 days: 14 × (120 min × 54 + 1,320 min × 6) = 201,600 → 1/6 core.
        #expect(abs(try #require(app.cpuMeanCores) - 1.0 / 6) < 1e-9)
        #expect(app.memoryPeakBytes == 150 * Self.mi)
        #expect(app.memoryMeanBytes == 150 * Self.mi)
        #expect(app.samples == PrometheusFixture.fullWindowSamples)
        #expect(app.historySeconds == 14 * Self.day)
    }

    @Test("leak: memory climbing 256KiB a minute from 100Mi to 500Mi, then back, peaks at 500Mi")
    func leak() async throws {
        let app = try await Self.app(Self.ref("DaemonSet", "leak"))
        #expect(app.memoryPeakBytes == 500 * Self.mi)
        // Minute m of the window holds 100Mi + (m mod 1601) × 0.25Mi, m = 0 … 20,160: 12 whole
        // cycles (each 1601 × 100 + 0.25 × 1600 × 1601 / 2 = 480,300 Mi) and minutes 0 … 948 of
        // a 13th (949 × 100 + 0.25 × 948 × 949 / 2 = 207,356.5 Mi).
        let mean = (12 * 480_300 + 207_356.5) * Self.mi / 20161
        #expect(abs(try #require(app.memoryMeanBytes) - mean) < 1e-3)
        #expect(app.samples == PrometheusFixture.fullWindowSamples)
        #expect(abs(try #require(app.cpuPercentiles[95]) - 0.05) < 1e-9)
        #expect(abs(try #require(app.cpuMeanCores) - 0.05) < 1e-9)
    }

    @Test("oom: kube-state-metrics' OOMKilled reason and the 256Mi limit become an OOM kill")
    func oom() async throws {
        let app = try await Self.app(Self.ref("StatefulSet", "oom"))
        #expect(app.memoryPeakBytes == 256 * Self.mi)
        #expect(app.oomKills == [OOMKill(limitBytes: 256 * Self.mi, at: Self.end.adding(seconds: -3 * Self.day), seenIn: "kube-state-metrics")])
    }

    @Test("young: two hours of history and their 121 samples are reported as they are")
    func young() async throws {
        let app = try await Self.app(Self.ref("Deployment", "young"))
        #expect(app.historySeconds == 2 * 3600)
        #expect(app.samples == 121)
        #expect(abs(try #require(app.cpuPeakCores) - 0.3) < 1e-9)
        // The counter starts at 0 with the pod: 2,160 core-seconds over 7,200 s.
        #expect(abs(try #require(app.cpuMeanCores) - 0.3) < 1e-9)
    }

    @Test("the source describes itself by Prometheus' URL")
    func label() async throws {
        let prometheus = try await PrometheusFixture.shared()
        let source = try Self.source(prometheus)
        #expect(source.kind == .prometheus)
        #expect(source.label == "prometheus \(prometheus.url)")
    }

    static func source(_ prometheus: PrometheusFixture) throws -> PrometheusUsageSource {
        let connection = try PrometheusConnection(url: prometheus.url)
        return PrometheusUsageSource(client: PrometheusClient(transport: DirectPrometheusTransport(connection: connection)))
    }

    @Test("workloads with no series — in a namespace with data or without — are absent, not zero")
    func absent() async throws {
        let usage = try await Self.demoUsage()
        #expect(usage[Self.ref("Deployment", "idle")] == nil)
        #expect(usage[Self.ref("Deployment", "quiet", namespace: "quiet")] == nil)
        #expect(usage.count == 6)
    }
}

private let sharedDemoUsage = Task {
    let source = try PrometheusUsageSourceTests.source(try await PrometheusFixture.shared())
    return try await source.usage(for: UsageQuery(
        workloads: PrometheusUsageSourceTests.workloads, end: PrometheusFixture.end, historySeconds: 14 * 86400,
        stepSeconds: 60, cpuPercentiles: [50, 91.5, 95, 99]))
}
