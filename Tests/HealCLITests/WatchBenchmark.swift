import Foundation
import HealModel
import HealTestSupport
import Testing

/// Figures for the live-view benchmark (`scripts/bench-watch.sh`), not a test: it runs only with
/// KUBECTL_HEAL_BENCH_WATCH=1 and prints what it measured, checking only that each run did what
/// it measures. Latencies are measured in-process against the stateful fake cluster (its
/// controllers answer with the captured v1.24 timing); the idle figures are the release binary's.
@Suite("Live-view benchmark", .serialized, .enabled(if: ProcessInfo.processInfo.environment["KUBECTL_HEAL_BENCH_WATCH"] == "1"))
struct WatchBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    static let runs = Int(environment["KUBECTL_HEAL_BENCH_RUNS"] ?? "") ?? 3
    static let outage = Double(environment["KUBECTL_HEAL_BENCH_OUTAGE_SECONDS"] ?? "") ?? 10

    @Test("recovery: diagnose --watch after an API server outage, from the restart to a newly broken Deployment's DETECTED line")
    func diagnoseRecovery() async throws {
        var resumed: [Double] = []
        var detected: [Double] = []
        for _ in 0..<Self.runs {
            let shop = try ShopCluster(deployments: 2)
            let watch = shop.watch()
            try await shop.waitUntilWatching()
            shop.cluster.stopAPIServer()
            try await Task.sleep(for: .seconds(Self.outage))
            try shop.cluster.startAPIServer()
            let restarted = ContinuousClock.now
            let broken = shop.cluster.setNeeds(WorkloadNeeds(env: ["DATABASE_URL"]), namespace: "shop", deployment: "app-1")
            // The reconnection is said on stderr.
            try await waitUntil("the watcher resumes", timeout: .seconds(60)) { watch.stderr.text.contains("the API server answers again") }
            resumed.append(restarted.duration(to: .now).seconds)
            let seen = try #require(await watch.waitFor("DETECTED deployment/app-1", timeout: .seconds(60)), "\(watch.stderr.text)")
            detected.append(broken.duration(to: seen).seconds)
            #expect(await watch.stop() == 0)
        }
        print("recovery, diagnose --watch, \(Int(Self.outage)) s outage, \(Self.runs) runs (median / max): "
            + "restart → watches answer again \(Self.figures(resumed)); broken after the restart → DETECTED \(Self.figures(detected))")
    }

    @Test("recovery: failover watch --apply after an API server outage, from blue losing its endpoints to the failover decision")
    func failoverRecovery() async throws {
        var decided: [Double] = []
        var switched: [Double] = []
        for _ in 0..<Self.runs {
            let blueGreen = try BlueGreenCluster()
            let watch = BackgroundRun([
                "failover", "watch", "web", "--for", "1s", "--apply", "--timeout", "20s",
                "-n", BlueGreenCluster.namespace, "--kubeconfig", blueGreen.kubeconfig.path,
            ])
            try await blueGreen.waitUntil("the watches are open") { watching(blueGreen.cluster, "/api/v1/namespaces/\(BlueGreenCluster.namespace)/pods") }
            blueGreen.cluster.stopAPIServer()
            try await Task.sleep(for: .seconds(Self.outage))
            try blueGreen.cluster.startAPIServer()
            try await waitUntil("the watcher resumes", timeout: .seconds(30)) { watch.stderr.text.contains("the API server answers again") }
            let lost = ContinuousClock.now
            await blueGreen.setBehaviour(.notReady(message: "Readiness probe failed: HTTP probe failed with statuscode: 404"), "web-blue")
            // The decision waits out --for 1s by design; the figure includes it.
            let decision = try #require(await watch.waitFor("failing over to green.", timeout: .seconds(60)), "\(watch.stdout.text)")
            try await blueGreen.waitUntil("the selector names green", timeout: .seconds(60)) { try blueGreen.activeColour() == "green" }
            decided.append(lost.duration(to: decision).seconds)
            switched.append(lost.duration(to: .now).seconds)
            #expect(await watch.stop() == 0)
        }
        print("recovery, failover watch --apply --for 1s, after a \(Int(Self.outage)) s outage, \(Self.runs) runs (median / max): "
            + "blue loses its endpoints → decision \(Self.figures(decided)); → selector switched to green \(Self.figures(switched))")
    }

    @Test("any kind: a node going NotReady and a Service losing its pods, from the write to the finding")
    func anyKind() async throws {
        var node: [Double] = []
        var service: [Double] = []
        for _ in 0..<Self.runs {
            let shop = try ShopCluster(deployments: 1)
            #expect(try await shop.addReadyNodeAndWebService())
            let watch = shop.watch(["-o", "json"])
            try await shop.waitUntilWatching("/api/v1/nodes")
            let nodeWrite = ContinuousClock.now
            try shop.setNode(ready: false)
            node.append(nodeWrite.duration(to: try #require(await watch.waitFor(#""code":"node-not-ready""#))).seconds)
            let serviceWrite = ContinuousClock.now
            try shop.cluster.mergePatch(at: "/api/v1/namespaces/shop/services/web", json: #"{"spec":{"selector":{"app":"nothing"}}}"#)
            service.append(serviceWrite.duration(to: try #require(await watch.waitFor(#""code":"service-no-matching-pods""#))).seconds)
            #expect(await watch.stop() == 0)
        }
        print("any kind, diagnose --watch, \(Self.runs) runs (median / max): node NotReady → finding \(Self.figures(node)); "
            + "Service selector matching nothing → finding \(Self.figures(service))")
    }

    @Test("idle diagnose -A --watch over 5,000 pods (KUBECTL_HEAL_BENCH_IDLE_PODS): CPU and RSS of the kubectl-heal process")
    func idleWatcher() async throws {
        let binary = try #require(Self.environment["KUBECTL_HEAL_BINARY"].map(URL.init(fileURLWithPath:)), "set KUBECTL_HEAL_BINARY")
        let seconds = Double(Self.environment["KUBECTL_HEAL_BENCH_IDLE_SECONDS"] ?? "") ?? 120
        // 500 pods a namespace: 50 Deployments of 10.
        let pods = Int(Self.environment["KUBECTL_HEAL_BENCH_IDLE_PODS"] ?? "") ?? 5000
        let cluster = try FakeCluster()
        for namespace in 0..<max(1, pods / 500) {
            cluster.seedHealthyDeployments(namespace: "team-\(namespace)", deployments: 50, replicasEach: 10)
        }
        #expect(await cluster.settle())
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        let process = Process()
        process.executableURL = binary
        process.arguments = ["diagnose", "-A", "--watch", "--kubeconfig", kubeconfig.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let launched = ContinuousClock.now
        try process.run()
        defer { process.terminate() }
        try await waitUntil("every kind is watched", timeout: .seconds(120)) { watching(cluster, "/api/v1/pods") && watching(cluster, "/api/v1/nodes") }
        let ready = launched.duration(to: .now).seconds
        try await Task.sleep(for: .seconds(5))  // the first diagnosis
        let idle = try await IdleFigures.measure(process, for: seconds)
        #expect(process.isRunning)
        print(String(format: "idle diagnose -A --watch, %d pods, %.0f s after %.1f s to start watching: ", max(1, pods / 500) * 500, idle.seconds, ready) + idle.text)
    }

    static func figures(_ values: [Double]) -> String {
        HealBenchmark.figures(values)
    }
}
