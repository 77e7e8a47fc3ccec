import HealAnalysis
import HealModel
import Testing

private typealias Example = SizingExample
private let mi = SizingExample.mi

@Suite("Recommender sizes containers from usage, OOM kills and what healing learned")
struct RecommenderTests {
    @Test(
        "CPU at p95 and memory at peak plus the buffer, rounded up to 1m and 1Mi, never below 10m and 100Mi",
        arguments: [
            // 211.5m → 212m; 301Mi × 1.15 = 346.15Mi → 347Mi.
            (0.2115, 301.0, 15.0, ["212m", "347Mi", "-", "347Mi"], ["CPU p95 over 14d: 212m", "memory peak 301Mi + 15%"]),
            // 3m and 40Mi × 1.15 = 46Mi are under the floors.
            (
                0.003, 40, 15, ["10m", "100Mi", "-", "100Mi"],
                ["CPU p95 over 14d: 3m, raised to the 10m minimum", "memory peak 40Mi + 15%", "raised to the 100Mi minimum"]
            ),
            // 200Mi × 1.15 is 229.99999999999997Mi in binary: still 230Mi, not 231Mi.
            (0.25, 200, 15, ["250m", "230Mi", "-", "230Mi"], ["CPU p95 over 14d: 250m", "memory peak 200Mi + 15%"]),
            // 2.007 cores × 1000 is 2007.0000000000002 in binary: still 2007m.
            (2.007, 1024, 0, ["2007m", "1Gi", "-", "1Gi"], ["CPU p95 over 14d: 2007m", "memory peak 1Gi + 0%"]),
            // 10.1m → 11m; 1000Mi × 1.125 = 1125Mi.
            (0.0101, 1000, 12.5, ["11m", "1125Mi", "-", "1125Mi"], ["CPU p95 over 14d: 11m", "memory peak 1000Mi + 12.5%"]),
        ] as [(Double, Double, Double, [String], [String])])
    func sizesFromUsage(p95: Double, peakMi: Double, buffer: Double, expected: [String], reasons: [String]) throws {
        let settings = RecommenderSettings(memoryBufferPercent: buffer)
        let usage = Example.usage(.prometheus, Example.figures(cpu: [95: p95], peak: peakMi * mi))
        let result = try #require(Example.recommend(usage: usage, settings: settings))
        #expect(result.recommendedText == expected)
        #expect(result.reasons == reasons)
        #expect(result.confidence == .high)
        #expect(result.window == UsageWindow(seconds: 14 * Example.day, samples: 4032))
    }

    @Test(
        "the CPU limit is removed unless a limit percentile is set, and never falls below the request",
        arguments: [
            (95, nil, ["212m", "-"], ["CPU p95 over 14d: 212m", "CPU limit removed: throttling costs more than it saves"]),
            (95, 99, ["212m", "450m"], ["CPU p95 over 14d: 212m", "CPU limit p99 over 14d: 450m"]),
            (99.5, nil, ["600m", "-"], ["CPU p99.5 over 14d: 600m", "CPU limit removed: throttling costs more than it saves"]),
            // p90 (150m) is under the p95 request: the API server rejects a limit below the request.
            (95, 90, ["212m", "212m"], ["CPU p95 over 14d: 212m", "CPU limit p90 over 14d: 150m"]),
            // No p97 in the figures: CPU stays as it is, limit included.
            (97, nil, ["500m", "1"], ["no CPU p97 figure: CPU unchanged"]),
            (95, 97, ["212m", "1"], ["CPU p95 over 14d: 212m", "no CPU p97 figure: CPU limit unchanged"]),
        ] as [(Double, Double?, [String], [String])])
    func cpuLimit(percentile: Double, limitPercentile: Double?, expected: [String], cpuReasons: [String]) throws {
        let settings = RecommenderSettings(cpuPercentile: percentile, cpuLimitPercentile: limitPercentile)
        let workload = Example.workload([Example.container(cpuLimit: 1)])
        let usage = Example.usage(.prometheus, Example.figures(cpu: [90: 0.15, 95: 0.2115, 99: 0.45, 99.5: 0.6]))
        let result = try #require(Example.recommend(workload, usage: usage, settings: settings))
        #expect([result.recommendedText[0], result.recommendedText[2]] == expected)
        #expect(result.reasons == cpuReasons + ["memory peak 301Mi + 15%"])
    }

    @Test("the percentiles a usage query must ask for are the request's and the limit's")
    func queriedPercentiles() {
        #expect(RecommenderSettings().cpuPercentiles == [95])
        #expect(RecommenderSettings(cpuLimitPercentile: 99).cpuPercentiles == [95, 99])
        #expect(RecommenderSettings(cpuPercentile: 99, cpuLimitPercentile: 99).cpuPercentiles == [99])
    }

    @Test(
        "memory is never below one bump over the largest limit the container was OOM-killed at",
        arguments: [
            // max(128 + 100, 128 × 1.2) = 228Mi, over 100Mi × 1.15 = 115Mi.
            ([128], [], 100.0, "228Mi", ["OOM kill at 128Mi → at least 228Mi"]),
            // 1Gi × 1.2 = 1228.8Mi → 1229Mi, over 500Mi × 1.15 = 575Mi.
            ([1024], [], 500, "1229Mi", ["OOM kill at 1Gi → at least 1229Mi"]),
            // kube-state-metrics saw a kill at 256Mi: max(356, 307.2) = 356Mi.
            ([128], [256], 100, "356Mi", ["OOM kill at 256Mi → at least 356Mi"]),
            // The peak is higher: 400Mi × 1.15 = 460Mi.
            ([128], [], 400, "460Mi", ["OOM kill at 128Mi → at least 228Mi"]),
            // A pod without a limit killed under node pressure says nothing about the need: 115Mi.
            ([nil], [], 100, "115Mi", ["OOM kill with no known memory limit"]),
        ] as [([Double?], [Double?], Double, String, [String])])
    func oomFloor(podStatusKills: [Double?], sourceKills: [Double?], peakMi: Double, memory: String, killReasons: [String]) throws {
        let workload = Example.workload(oomKills: ["app": podStatusKills.map { Example.kill(atMi: $0) }])
        let figures = Example.figures(peak: peakMi * mi, oomKills: sourceKills.map { Example.kill(atMi: $0, seenIn: "kube-state-metrics") })
        let result = try #require(Example.recommend(workload, usage: Example.usage(.prometheus, figures)))
        #expect(result.recommendedText == ["212m", memory, "-", memory])
        #expect(result.reasons == ["CPU p95 over 14d: 212m", "memory peak \(Int(peakMi))Mi + 15%"] + killReasons)
    }

    @Test(
        "memory healing learned was needed is a floor too, and is reported",
        arguments: [
            // 328Mi learned over 100Mi × 1.15 = 115Mi.
            (328, 100, "328Mi"),
            // 64Mi learned under 301Mi × 1.15 = 346.15Mi → 347Mi.
            (64, 301, "347Mi"),
        ] as [(Double, Double, String)])
    func learnedFloor(learnedMi: Double, peakMi: Double, memory: String) throws {
        let usage = Example.usage(.prometheus, Example.figures(peak: peakMi * mi))
        let result = try #require(Example.recommend(usage: usage, learned: ["app": learnedMi * mi]))
        #expect(result.recommendedText[1] == memory)
        #expect(result.learnedMemoryBytes == learnedMi * mi)
        #expect(result.reasons.last == "learned: needed \(Int(learnedMi))Mi when healed")
    }

    @Test(
        "no recommendation without usage, under 3h of Prometheus history or under 100 samples",
        arguments: [
            (nil, ["no usage data for this container"]),
            // 8040s = 2h14m.
            (Example.usage(.prometheus, Example.figures(seconds: 8040, samples: 500)), ["only 2h14m of history; at least 3h needed"]),
            (Example.usage(.prometheus, Example.figures(samples: 42)), ["only 42 samples; at least 100 needed"]),
            (
                Example.usage(.prometheus, Example.figures(seconds: Example.hour, samples: 1)),
                ["only 1h of history; at least 3h needed", "only 1 sample; at least 100 needed"]
            ),
            (Example.usage(.metricsServer, Example.figures(seconds: 0, samples: 0)), ["no usage data for this container"]),
            (Example.usage(.prometheus, Example.figures("sidecar")), ["no usage data for this container"]),
        ] as [(WorkloadUsage?, [String])])
    func refusals(usage: WorkloadUsage?, reasons: [String]) throws {
        let workload = Recommender.recommend(Example.workload(), usage: usage, settings: RecommenderSettings())
        let result = try #require(workload.containers.first)
        #expect(result.recommended == nil)
        #expect(result.difference == nil)
        #expect(result.confidence == .unknown)
        #expect(result.severity == .unknown)
        #expect(result.reasons == reasons)
        #expect(workload.severity == .unknown)
        #expect(!workload.hasChanges)
    }

    @Test(
        "OOM kills without usable usage size memory from the kill alone, CPU unchanged, at low confidence",
        arguments: [
            (nil, "no usage data for this container"),
            (Example.usage(.prometheus, Example.figures(seconds: 8040, samples: 500)), "only 2h14m of history; at least 3h needed"),
        ] as [(WorkloadUsage?, String)])
    func oomWithoutUsage(usage: WorkloadUsage?, shortfall: String) throws {
        // The captured memory-hungry container: 50m, 64Mi, limited at 128Mi, OOM-killed there.
        let workload = Example.workload(
            [Example.container(cpu: 0.05, memory: 64 * mi, memoryLimit: 128 * mi)], oomKills: ["app": [Example.kill(atMi: 128)]])
        let result = try #require(Example.recommend(workload, usage: usage))
        #expect(result.recommendedText == ["50m", "228Mi", "-", "228Mi"])
        #expect(result.confidence == .low)
        #expect(result.reasons == [shortfall, "CPU unchanged: no usage to size it from", "OOM kill at 128Mi → at least 228Mi"])
        // 228Mi − 64Mi requested is 164Mi, 228Mi − 128Mi limited is 100Mi: both ok.
        #expect(result.severity == .ok)
    }

    @Test("metrics-server figures are sized whatever their history, at low confidence, saying how little they rest on")
    func metricsServer() throws {
        let usage = Example.usage(.metricsServer, Example.figures(seconds: 120, samples: 3))
        let workload = Recommender.recommend(Example.workload(), usage: usage, settings: RecommenderSettings())
        let result = try #require(workload.containers.first)
        #expect(workload.source == .metricsServer)
        #expect(result.recommendedText == ["212m", "347Mi", "-", "347Mi"])
        #expect(result.confidence == .low)
        #expect(result.reasons.last == "metrics-server: current usage only, 3 samples over 2m")
    }

    @Test(
        "Prometheus confidence is low under 24h of history, medium under 7d, high from 7d",
        arguments: [
            (3 * Example.hour, .low), (23 * Example.hour, .low), (24 * Example.hour, .medium),
            (7 * Example.day - 1, .medium), (7 * Example.day, .high), (30 * Example.day, .high),
        ] as [(Double, RecommendationConfidence)])
    func confidence(seconds: Double, expected: RecommendationConfidence) throws {
        let usage = Example.usage(.prometheus, Example.figures(seconds: seconds, samples: 1000))
        #expect(try #require(Example.recommend(usage: usage)).confidence == expected)
    }

    @Test("differences are per pod and times the replicas, and missing where the spec sets no request")
    func differences() throws {
        let workload = Example.workload([Example.container(), Example.container("sidecar", cpu: nil)], replicas: 3)
        let usage = Example.usage(.prometheus, Example.figures(), Example.figures("sidecar"))
        let result = Recommender.recommend(workload, usage: usage, settings: RecommenderSettings())
        // 212m − 500m = −288m and 347Mi − 512Mi = −165Mi a pod; × 3 = −864m and −495Mi.
        let app = try #require(result.containers.first?.difference)
        #expect(((app.perPod.cpu ?? 0) * 1000).rounded() == -288)
        #expect(app.perPod.memory == -165 * mi)
        #expect(((app.total.cpu ?? 0) * 1000).rounded() == -864)
        #expect(app.total.memory == -495 * mi)
        let sidecar = try #require(result.containers.last)
        #expect(sidecar.difference?.perPod.cpu == nil)
        #expect(sidecar.difference?.perPod.memory == -165 * mi)
        // A request recommended where none is set is a warning.
        #expect(sidecar.severity == .warning)
    }

    @Test(
        "a container's severity is the worst of its requests and limits, a workload's the worst of its containers",
        arguments: [
            // Already at 212m / 347Mi: good, and nothing to change.
            (0.212, 347, nil, .good, false),
            // A CPU limit to remove: set on one side only is a warning.
            (0.212, 347, 1, .warning, true),
            // 500m − 212m = 288m: warning.
            (0.5, 347, nil, .warning, true),
            // 512Mi − 347Mi = 165Mi: ok.
            (0.212, 512, nil, .ok, true),
            // 1 core − 212m = 788m: critical.
            (1, 347, nil, .critical, true),
        ] as [(Double, Double, Double?, SizingSeverity, Bool)])
    func severities(cpu: Double, memoryMi: Double, cpuLimit: Double?, severity: SizingSeverity, changes: Bool) {
        let containers = [
            Example.container(cpu: cpu, memory: memoryMi * mi, cpuLimit: cpuLimit, memoryLimit: memoryMi * mi),
            Example.container("sidecar", cpu: 0.212, memory: 347 * mi, memoryLimit: 347 * mi),
        ]
        let usage = Example.usage(.prometheus, Example.figures(), Example.figures("sidecar"))
        let result = Recommender.recommend(Example.workload(containers), usage: usage, settings: RecommenderSettings())
        #expect(result.containers.map(\.severity) == [severity, .good])
        #expect(result.severity == severity)
        #expect(result.hasChanges == changes)
    }
}
