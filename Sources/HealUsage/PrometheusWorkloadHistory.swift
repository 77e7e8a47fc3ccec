import HealAnalysis
import HealModel
import Logging

/// Each workload's total CPU (cores) and memory (bytes) over a window, summed over its pods at
/// every step (memory's may be coarser: it moves slowly, and the points cost time): two range queries per namespace, pods given to workloads by name
/// (`PodOwnerIndex`), so a rollout's pods add up to the workload's load.
package struct PrometheusWorkloadHistory: Sendable {
    package struct History: Sendable {
        package var cpu: [(time: Double, value: Double)]
        package var memory: [(time: Double, value: Double)]
    }

    private let client: PrometheusClient
    private let logger: Logger

    package init(client: PrometheusClient, logger: Logger = Logger(label: "heal.usage")) {
        self.client = client
        self.logger = logger
    }

    package var label: String { "prometheus \(client.endpointDescription)" }

    package func histories(
        for workloads: [WorkloadResources], end: Timestamp, windowSeconds: Double, stepSeconds: Double, memoryStepSeconds: Double
    ) async throws -> [ResourceRef: History] {
        let found = try await NamespaceFanOut.run(workloads) { namespace, workloads in
            try await self.histories(
                namespace: namespace, workloads: workloads, end: end, windowSeconds: windowSeconds, stepSeconds: stepSeconds, memoryStepSeconds: memoryStepSeconds)
        }
        return found.reduce(into: [:]) { $0.merge($1) { $1 } }
    }

    /// CPU as the rate over each step (at least 5 minutes), memory as each step's last sample.
    static func queries(namespace: String, stepSeconds: Double) -> (cpu: String, memory: String) {
        let selector = "{namespace=\(PrometheusUsageQueries.quoted(namespace)),container!=\"\",container!=\"POD\"}"
        let window = PrometheusUsageQueries.duration(max(300, stepSeconds))
        return (
            "sum by (pod) (rate(container_cpu_usage_seconds_total\(selector)[\(window)]))",
            "sum by (pod) (container_memory_working_set_bytes\(selector))"
        )
    }

    private func histories(
        namespace: String, workloads: [WorkloadResources], end: Timestamp, windowSeconds: Double, stepSeconds: Double, memoryStepSeconds: Double
    ) async throws(UsageError) -> [ResourceRef: History] {
        let owners = PodOwnerIndex(workloads: workloads)
        let queries = Self.queries(namespace: namespace, stepSeconds: stepSeconds)
        let start = end.adding(seconds: -windowSeconds)
        let started = ContinuousClock.now
        let owner = { (series: PrometheusSeries) in series.labels["pod"].flatMap(owners.owner(ofPod:)) }
        let cpu = StepSums.sum(
            try await client.queryRange(queries.cpu, start: start, end: end, stepSeconds: stepSeconds), start: start.secondsSince1970, step: stepSeconds, key: owner)
        let memory = StepSums.sum(
            try await client.queryRange(queries.memory, start: start, end: end, stepSeconds: memoryStepSeconds), start: start.secondsSince1970,
            step: memoryStepSeconds, key: owner)
        logger.debug("prometheus range queries", metadata: ["namespace": "\(namespace)", "duration": "\(started.duration(to: .now))"])
        return Dictionary(uniqueKeysWithValues: Set(cpu.keys).union(memory.keys).map { ($0, History(cpu: cpu[$0] ?? [], memory: memory[$0] ?? [])) })
    }
}
