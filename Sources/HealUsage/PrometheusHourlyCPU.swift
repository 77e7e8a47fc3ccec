import HealAnalysis
import HealModel
import Logging

/// Each container's CPU per hour over a window, its pods added up (the cores the workload's
/// container used on average in each hour): one range query per namespace at a one-hour step,
/// the rates computed on the server, pods given to workloads by name (`PodOwnerIndex`).
package struct PrometheusHourlyCPU: Sendable {
    private let client: PrometheusClient
    private let logger: Logger

    package init(client: PrometheusClient, logger: Logger = Logger(label: "heal.usage")) {
        self.client = client
        self.logger = logger
    }

    static let stepSeconds = 3600.0

    static func query(namespace: String) -> String {
        let selector = "{namespace=\(PrometheusUsageQueries.quoted(namespace)),container!=\"\",container!=\"POD\"}"
        return "sum by (pod, container) (rate(container_cpu_usage_seconds_total\(selector)[\(PrometheusUsageQueries.duration(stepSeconds))]))"
    }

    /// workload → container → (end of the hour, cores), oldest first.
    package func hours(for workloads: [WorkloadResources], end: Timestamp, windowSeconds: Double) async throws -> [ResourceRef: [String: [(time: Double, value: Double)]]] {
        let found = try await NamespaceFanOut.run(workloads) { namespace, workloads in
            let owners = PodOwnerIndex(workloads: workloads)
            let start = end.adding(seconds: -windowSeconds)
            let series = try await client.queryRange(Self.query(namespace: namespace), start: start, end: end, stepSeconds: Self.stepSeconds)
            return StepSums.sum(series, start: start.secondsSince1970, step: Self.stepSeconds) { owners.container(labels: $0.labels) }
        }
        var hours: [ResourceRef: [String: [(time: Double, value: Double)]]] = [:]
        for (key, points) in found.flatMap({ $0 }) { hours[key.workload, default: [:]][key.container] = points }
        return hours
    }
}

/// A container of a workload, as a dictionary key.
struct ContainerOfWorkload: Hashable {
    var workload: ResourceRef
    var container: String
}
