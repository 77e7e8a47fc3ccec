import Foundation
import HealModel
import HealTestSupport
import Testing

/// Figures for the healing benchmark (`scripts/bench-heal.sh`), not a test: it runs only with
/// KUBECTL_HEAL_BENCH_HEAL=1 and prints what it measured, checking only that each run did
/// what it measures.
@Suite("Healing benchmark", .serialized, .enabled(if: ProcessInfo.processInfo.environment["KUBECTL_HEAL_BENCH_HEAL"] == "1"))
struct HealBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    static let runs = Int(environment["KUBECTL_HEAL_BENCH_RUNS"] ?? "") ?? 5

    @Test("detection latency: from a Deployment's pods failing to the DETECTED line of --watch")
    func detectionLatency() async throws {
        var latencies: [Double] = []
        for run in 0..<Self.runs {
            let cluster = try FakeCluster()
            cluster.seedHealthyDeployments(namespace: "shop", deployments: 10, replicasEach: 2)
            let folder = try TemporaryDirectory()
            let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
            let watch = BackgroundRun(["diagnose", "--watch", "-n", "shop", "--kubeconfig", kubeconfig.path])
            try await Task.sleep(for: .milliseconds(500))
            let broken = cluster.setNeeds(WorkloadNeeds(env: ["DATABASE_URL"]), namespace: "shop", deployment: "app-\(run % 10)")
            let detected = try #require(await watch.waitFor("DETECTED"))
            latencies.append(broken.duration(to: detected).seconds)
            _ = await watch.stop()
        }
        print("detection latency, status change → finding, \(Self.runs) runs (median / max): \(Self.figures(latencies))")
    }

    @Test("repair: first occurrence (memory ladder) vs learned occurrence, --verify-for 300ms")
    func repair() async throws {
        var first: [Double] = []
        var learned: [Double] = []
        var steps: (first: Int, learned: Int) = (0, 0)
        var observed: [Double] = []
        var verdicts: [Double] = []
        var conflicts: [Double] = []
        for _ in 0..<Self.runs {
            let heal = try HealingCluster()
            let started = ContinuousClock.now
            let one = await heal.run(["diagnose", "deployment/memory-hungry", "--fix", "--yes", "-o", "json"])
            first.append(started.duration(to: .now).seconds)
            try #require(one.events("succeeded").count == 1)
            steps.first = one.events("applying").count
            let finished = one.events("succeeded") + one.events("rolled-back")
            observed += finished.compactMap { $0["observedGenerationSeconds"] as? Double }
            verdicts += one.events("succeeded").compactMap { $0["verdictSeconds"] as? Double }
            conflicts.append(Double(one.jsonLines.last?["conflictsRetried"] as? Int ?? 0))
            try await heal.recreate("memory-hungry")
            let again = ContinuousClock.now
            let two = await heal.run(["diagnose", "deployment/memory-hungry", "--fix", "--yes", "-o", "json"])
            learned.append(again.duration(to: .now).seconds)
            try #require(two.events("succeeded").count == 1)
            steps.learned = two.events("applying").count
        }
        print("repair of memory-hungry (diagnose + fix + 300 ms verification), \(Self.runs) runs (median / max):")
        print("  first occurrence    \(Self.figures(first)) in \(steps.first) steps (228Mi rolled back, 328Mi verified)")
        print("  learned occurrence  \(Self.figures(learned)) in \(steps.learned) step (straight to 328Mi, no planning beyond the memory)")
        print("  write → observedGeneration  \(Self.figures(observed)) (every step of the first occurrences)")
        print("  write → verified            \(Self.figures(verdicts)) (328Mi; includes the 300 ms window)")
        print("  409s retried per run        median \(Int(conflicts.sorted()[conflicts.count / 2])), max \(Int(conflicts.max() ?? 0))")
    }

    @Test("repair under churn: another writer patches memory-hungry's annotations every 50 ms")
    func repairUnderChurn() async throws {
        var seconds: [Double] = []
        var conflicts: [Double] = []
        for _ in 0..<Self.runs {
            let heal = try HealingCluster()
            let path = "/apis/apps/v1/namespaces/agentic-demo/deployments/memory-hungry"
            let writer = Task.detached { [cluster = heal.cluster] in
                var beat = 0
                while !Task.isCancelled {
                    beat += 1
                    try? cluster.mergePatch(at: path, json: #"{"metadata":{"annotations":{"example.com/heartbeat":"\#(beat)"}}}"#)
                    try? await Task.sleep(for: .milliseconds(50))
                }
            }
            let started = ContinuousClock.now
            let run = await heal.run(["diagnose", "deployment/memory-hungry", "--fix", "--yes", "-o", "json"])
            writer.cancel()
            seconds.append(started.duration(to: .now).seconds)
            try #require(run.events("succeeded").count == 1, "\(run.stdout)")
            conflicts.append(Double(run.jsonLines.last?["conflictsRetried"] as? Int ?? 0))
        }
        print("repair of memory-hungry under a 50 ms annotation writer, \(Self.runs) runs (median / max): \(Self.figures(seconds)), "
            + "409s retried per run median \(Int(conflicts.sorted()[conflicts.count / 2])), max \(Int(conflicts.max() ?? 0)), none failed")
    }

    @Test("idle --watch over 1,000 pods: CPU and RSS of the kubectl-heal process")
    func idleWatcher() async throws {
        let binary = try #require(Self.environment["KUBECTL_HEAL_BINARY"].map(URL.init(fileURLWithPath:)), "set KUBECTL_HEAL_BINARY")
        let seconds = Double(Self.environment["KUBECTL_HEAL_BENCH_IDLE_SECONDS"] ?? "") ?? 600
        let cluster = try FakeCluster()
        cluster.seedHealthyDeployments(namespace: "shop", deployments: 100, replicasEach: 10)
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        let process = Process()
        process.executableURL = binary
        process.arguments = ["diagnose", "--watch", "-n", "shop", "--kubeconfig", kubeconfig.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate() }
        try await Task.sleep(for: .seconds(5))  // the first collection and diagnosis
        let idle = try await IdleFigures.measure(process, for: seconds)
        #expect(process.isRunning)
        print(String(format: "idle --watch, 1,000 pods, %.0f s: ", idle.seconds) + idle.text)
    }

    static func figures(_ values: [Double]) -> String {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return "-" }
        return String(format: "%.3fs / %.3fs", sorted[sorted.count / 2], sorted[sorted.count - 1])
    }
}
