import Foundation
import HealTestSupport
import Testing

/// Figures for the fake cluster at the scale of an idle-watcher benchmark (1,000 pods), not a
/// test: it runs only with KUBECTL_HEAL_BENCH_FAKE=1 and prints what it measured.
@Suite("FakeCluster benchmark", .serialized, .enabled(if: ProcessInfo.processInfo.environment["KUBECTL_HEAL_BENCH_FAKE"] == "1"))
struct FakeClusterBenchmark {
    static let runs = 5
    /// Deployments of 10 pods each (KUBECTL_HEAL_BENCH_FAKE_DEPLOYMENTS, default 100).
    static let deployments = Int(ProcessInfo.processInfo.environment["KUBECTL_HEAL_BENCH_FAKE_DEPLOYMENTS"] ?? "") ?? 100

    @Test("1,000 pods: seeding, LIST of all pods, a watch's initial ADDED events, breaking one Deployment")
    func thousandPods() throws {
        let clock = ContinuousClock()
        // Instant timing: a write's figure then includes the controllers' work it causes.
        let cluster = try FakeCluster(timing: .instant)
        let seeding = clock.measure { cluster.seedHealthyDeployments(namespace: "bench", deployments: Self.deployments, replicasEach: 10) }
        let client = try HTTPTestClient(port: cluster.server.port, timeout: .seconds(30))

        // The request and the whole body read; decoding it is the client's cost, not the server's.
        var lists: [Duration] = []
        var body = Data()
        for _ in 0..<Self.runs {
            lists.append(try clock.measure { body = try client.request("/api/v1/pods").body })
        }
        let count = try JSON(data: body)["items"]?.array?.count ?? 0
        try #require(count == Self.deployments * 10)

        var watches: [Duration] = []
        for _ in 0..<Self.runs {
            let watcher = try HTTPTestClient(port: cluster.server.port, timeout: .seconds(30))
            watches.append(try clock.measure {
                try watcher.send("/api/v1/pods?watch=1&timeoutSeconds=5")
                _ = try watcher.readHead()
                for _ in 0..<count { _ = try watcher.readChunk() }
            })
        }

        var breaks: [Duration] = []
        for index in 0..<Self.runs {
            breaks.append(clock.measure {
                cluster.setNeeds(WorkloadNeeds(memory: "1Gi"), namespace: "bench", deployment: "app-\(index)")
            })
        }
        let patches = try (0..<Self.runs).map { index in
            try clock.measure {
                try cluster.strategicMergePatch(
                    at: "/apis/apps/v1/namespaces/bench/deployments/app-\(Self.deployments / 2 + index)",
                    json: #"{"spec":{"template":{"spec":{"containers":[{"name":"app-\#(Self.deployments / 2 + index)","image":"nginx:1.28"}]}}}}"#)
            }
        }

        print("fake cluster, \(count) pods in \(Self.deployments) Deployments (median of \(Self.runs) / max):")
        print("  seed \(Self.deployments) × 10 healthy pods \(seeding)")
        print("  LIST /api/v1/pods (HTTP)        \(Self.figures(lists))")
        print("  WATCH: 1,000 initial ADDED      \(Self.figures(watches))")
        print("  setNeeds (10 pods break)        \(Self.figures(breaks))")
        print("  image PATCH (10-pod rollout)    \(Self.figures(patches))")
    }

    private static func figures(_ values: [Duration]) -> String {
        let sorted = values.sorted()
        return "\(sorted[sorted.count / 2]) / \(sorted.last ?? .zero)"
    }
}
