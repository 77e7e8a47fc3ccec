import Foundation
import HealModel
import HealTestSupport
import Testing

/// Figures for the failover benchmark (`scripts/bench-failover.sh`), not a test: it runs only
/// with KUBECTL_HEAL_BENCH_FAILOVER=1 and prints what it measured. It checks only that each run
/// did what it measures.
@Suite("Failover benchmark", .serialized, .enabled(if: ProcessInfo.processInfo.environment["KUBECTL_HEAL_BENCH_FAILOVER"] == "1"))
struct FailoverBenchmark {
    static let runs = Int(ProcessInfo.processInfo.environment["KUBECTL_HEAL_BENCH_RUNS"] ?? "") ?? 5

    @Test("failover --apply: time per step and failover time, cold standby", arguments: ["0s", "2s"])
    func failoverSteps(standbyStart: String) async throws {
        var perStep: [String: [Double]] = [:]
        var failover: [Double] = []
        for _ in 0..<Self.runs {
            let blueGreen = try BlueGreenCluster()
            if standbyStart != "0s" { await blueGreen.setBehaviour(.readyAfter(.seconds(2)), "web-green") }
            let run = await blueGreen.run(["failover", "web", "--to", "green", "--apply", "--yes", "--keep-old", "-o", "json"])
            let result = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
            try #require(result["outcome"] as? String == "succeeded")
            for step in result["steps"] as? [[String: Any]] ?? [] {
                perStep[step["kind"] as? String ?? "?", default: []].append(step["seconds"] as? Double ?? .nan)
            }
            failover.append(result["failoverSeconds"] as? Double ?? .nan)
        }
        print("failover, standby Ready \(standbyStart) after start, \(Self.runs) runs (median / max):")
        for kind in ["scale-standby", "wait-ready", "switch-selector", "verify"] {
            print("  \(kind.padding(toLength: 16, withPad: " ", startingAt: 0)) \(Self.figures(perStep[kind] ?? []))")
        }
        print("  failover time    \(Self.figures(failover))")
    }

    @Test("watch: from the trigger having held for --for to the first write")
    func watchDetectionLatency() async throws {
        var latencies: [Double] = []
        for _ in 0..<Self.runs {
            let blueGreen = try BlueGreenCluster()
            let measured = Task { () -> Double in
                try await Task.sleep(for: .seconds(1))
                await blueGreen.setBehaviour(.notReady(message: "Readiness probe failed: HTTP probe failed with statuscode: 503"), "web-blue")
                try await blueGreen.waitUntil("blue lost its endpoints") { try blueGreen.readyEndpoints() == 0 }
                let lost = ContinuousClock.now
                try await blueGreen.waitUntil("the watcher wrote", timeout: .seconds(30)) {
                    blueGreen.cluster.server.requests.contains { $0.method == "POST" || $0.method == "PATCH" }
                }
                let acted = ContinuousClock.now
                try await blueGreen.waitUntil("the switch finished") { try blueGreen.activeColour() == "green" }
                return lost.duration(to: acted).seconds - 1.0
            }
            _ = await blueGreen.run(["failover", "watch", "web", "--for", "1s", "--apply"], stopRequested: { _ = await measured.result })
            latencies.append(try await measured.value)
        }
        print("watch --for 1s: acted this long after the trigger had held for 1s, \(Self.runs) runs (median / max): \(Self.figures(latencies))")
    }

    static func figures(_ values: [Double]) -> String {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return "-" }
        return String(format: "%.3fs / %.3fs", sorted[sorted.count / 2], sorted[sorted.count - 1])
    }
}
