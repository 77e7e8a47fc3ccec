import Foundation
import HealModel
import HealTestSupport
import Testing

/// Figures for the explanation benchmark (`scripts/bench-explain.sh`), not a test: it runs only
/// with KUBECTL_HEAL_BENCH_EXPLAIN=1 and prints wall times of `diagnose --explain` over 50
/// findings against the scripted server with a fixed latency per answer — with the default
/// concurrency bound, sequentially, and a rerun answered from the cache.
@Suite("Explanation benchmark", .serialized, .enabled(if: ProcessInfo.processInfo.environment["KUBECTL_HEAL_BENCH_EXPLAIN"] == "1"))
struct ExplainBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    static let latency = Duration.milliseconds(Int(environment["KUBECTL_HEAL_BENCH_LATENCY_MS"] ?? "") ?? 500)

    @Test("diagnose --explain on 50 findings: concurrency 4, concurrency 1, cached rerun")
    func explain() async throws {
        let cluster = try FakeCluster()
        for name in cluster.seedHealthyDeployments(namespace: "shop", deployments: 50, replicasEach: 1) {
            cluster.setNeeds(WorkloadNeeds(env: ["DATABASE_URL"]), namespace: "shop", deployment: name)
        }
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        let llm = try ScriptedLLM(latency: Self.latency)
        func run(_ extra: [String]) async throws -> (seconds: Double, findings: Int, requests: Int) {
            let before = llm.server.requests.count
            let started = ContinuousClock.now
            let run = await CLIRunner.run(
                ["diagnose", "--explain", "-n", "shop", "-o", "json", "--kubeconfig", kubeconfig.path] + extra, variables: llm.variables, now: Date.init)
            let seconds = started.duration(to: .now).seconds
            try #require(run.exitCode == 0, "\(run.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let findings = document["findings"] as? [[String: Any]] ?? []
            try #require(findings.allSatisfy { $0["explanation"] != nil })
            return (seconds, findings.count, llm.server.requests.count - before)
        }
        let bounded = try await run(["--no-cache"])
        let sequential = try await run(["--no-cache", "--llm-concurrency", "1"])
        _ = try await run([])
        let cached = try await run([])
        let latency = String(format: "%.0fms", Self.latency.seconds * 1000)
        print("explain: \(bounded.findings) findings, \(latency) per answer")
        print("  concurrency 4 (default): \(String(format: "%.2fs", bounded.seconds)), \(bounded.requests) requests, at most \(llm.server.maxConcurrentRequests) at once")
        print("  concurrency 1:           \(String(format: "%.2fs", sequential.seconds)), \(sequential.requests) requests")
        print("  cached rerun:            \(String(format: "%.2fs", cached.seconds)), \(cached.requests) requests")
    }
}
