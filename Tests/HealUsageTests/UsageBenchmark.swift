import Foundation
import HealAnalysis
import HealApp
import HealModel
import HealUsage
import Logging
import Testing

/// Figures for the right-sizing benchmark (`scripts/bench-recommend.sh`), not a test: it runs only
/// with KUBECTL_HEAL_BENCH_RECOMMEND=1 against the Prometheus the script filled with the `bench`
/// data of `scripts/prometheus/usage_data.py`, and prints what it measured.
@Suite("Prometheus usage benchmark", .serialized, .enabled(if: ProcessInfo.processInfo.environment["KUBECTL_HEAL_BENCH_RECOMMEND"] == "1"))
struct UsageBenchmark {
    static let environment = ProcessInfo.processInfo.environment

    @Test("PrometheusUsageSource.usage(for:) over every bench Deployment, 14 days, CPU p95")
    func usage() async throws {
        let url = try #require(Self.environment["KUBECTL_HEAL_PROMETHEUS_URL"], "set KUBECTL_HEAL_PROMETHEUS_URL")
        let end = try #require(Self.environment["KUBECTL_HEAL_BENCH_END"].flatMap(Double.init), "set KUBECTL_HEAL_BENCH_END")
        let namespaces = try #require(Self.environment["KUBECTL_HEAL_BENCH_NAMESPACES"].flatMap { Int($0) })
        let steps = (Self.environment["KUBECTL_HEAL_BENCH_STEPS"] ?? "60,300").split(separator: ",").compactMap { Double($0) }
        let workloads = try Self.workloads()
        // Prometheus' CPU time says what the queries cost whatever else shares the machine.
        let prometheus = Self.environment["KUBECTL_HEAL_BENCH_PROMETHEUS_PID"].flatMap { Int32($0) }
        let connection = try PrometheusConnection(url: url, timeout: .seconds(300))
        for step in steps {
            let transport = RecordingTransport(wrapping: DirectPrometheusTransport(connection: connection))
            let source = PrometheusUsageSource(client: PrometheusClient(transport: transport))
            let query = UsageQuery(
                workloads: workloads, end: Timestamp(secondsSince1970: end), historySeconds: 14 * 86400, stepSeconds: step,
                cpuPercentiles: [95])
            let cpuBefore = try prometheus.map(Self.cpuSeconds)
            let started = ContinuousClock.now
            let usage = try await source.usage(for: query)
            let wall = started.duration(to: .now)
            let prometheusCPU = try prometheus.map { try Self.cpuSeconds($0) - (cpuBefore ?? 0) }
            #expect(usage.count == workloads.count)
            #expect(usage.values.allSatisfy { $0.containers["app"]?.samples == 14 * 1440 + 1 })
            print(String(
                format: "step %.0fs: %d workloads in %d namespaces, %.2f s wall, %d queries (%d per namespace, at most %d at once), peak RSS %.1f MB%@",
                step, usage.count, namespaces, Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18,
                transport.queries.count, transport.queries.count / max(namespaces, 1), transport.mostInFlight, try Self.peakRSSMegabytes(),
                prometheusCPU.map { String(format: ", Prometheus CPU %.1f s", $0) } ?? ""))
        }
    }

    @Test("anomalies and forecast over every bench Deployment: their queries and models over 14 days (anomalies: memory at 5 minutes, CPU per hour, throttling, restarts)")
    func history() async throws {
        let url = try #require(Self.environment["KUBECTL_HEAL_PROMETHEUS_URL"], "set KUBECTL_HEAL_PROMETHEUS_URL")
        let end = try #require(Self.environment["KUBECTL_HEAL_BENCH_END"].flatMap(Double.init), "set KUBECTL_HEAL_BENCH_END")
        let workloads = try Self.workloads()
        let connection = try PrometheusConnection(url: url, timeout: .seconds(300))
        let at = Timestamp(secondsSince1970: end)
        for job in ["anomalies", "forecast"] {
            let transport = RecordingTransport(wrapping: DirectPrometheusTransport(connection: connection))
            let client = PrometheusClient(transport: transport)
            let started = ContinuousClock.now
            var results = 0
            if job == "anomalies" {
                // The whole job's reads and detectors: memory and hourly CPU ranges, throttling and restarts.
                let found = try await AnomalyDetection(client: client, logger: Logger(label: "bench")).detect(workloads, end: at, windowSeconds: 14 * 86400)
                results = found.containers
                #expect(found.containers == workloads.count && found.short.isEmpty)
            } else {
                let histories = try await PrometheusWorkloadHistory(client: client).histories(
                    for: workloads, end: at, windowSeconds: 14 * 86400, stepSeconds: 600, memoryStepSeconds: 900)
                for workload in workloads {
                    let history = try #require(histories[workload.ref])
                    if case .forecast = WorkloadForecaster.forecast(
                        workload, cpu: history.cpu, memory: history.memory, step: 600, memoryStep: 900, end: end, settings: WorkloadForecaster.Settings())
                    {
                        results += 1
                    }
                }
                #expect(results == workloads.count)
            }
            let wall = started.duration(to: .now)
            print(String(
                format: "step 300s %@: %d workloads, %.2f s wall (queries and models), %d queries, peak RSS %.1f MB", job, results,
                Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18, transport.queries.count, try Self.peakRSSMegabytes()))
        }
    }

    /// The bench Deployments (the pod names usage_data.py bench writes).
    static func workloads() throws -> [WorkloadResources] {
        let namespaces = try #require(environment["KUBECTL_HEAL_BENCH_NAMESPACES"].flatMap { Int($0) })
        let deployments = try #require(environment["KUBECTL_HEAL_BENCH_DEPLOYMENTS"].flatMap { Int($0) })
        return (0..<namespaces).flatMap { namespace in
            (0..<deployments).map { deployment in
                WorkloadResources(
                    ref: ResourceRef(kind: "Deployment", namespace: String(format: "bench-%02d", namespace), name: String(format: "app-%02d", deployment)),
                    replicas: 1, containers: [ContainerResources(name: "app")],
                    podNames: [String(format: "app-%02d-7d4b9c8f6d-q9z2w", deployment)])
            }
        }
    }

    /// User and system CPU seconds of a process, from /proc/PID/stat.
    static func cpuSeconds(_ pid: Int32) throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        let afterName = try #require(stat.lastIndex(of: ")"))
        let fields = stat[stat.index(after: afterName)...].split(separator: " ")
        let ticks = try #require(Double(fields[11])) + #require(Double(fields[12]))
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// VmHWM of this process: the most resident memory it has used so far.
    static func peakRSSMegabytes() throws -> Double {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        let kilobytes = try #require(line.split(separator: " ").dropFirst().first.flatMap { Double($0) })
        return kilobytes / 1024
    }
}
