import HealAnalysis
import HealModel
import Logging

/// The share of each container's CFS scheduling periods that were throttled over a window,
/// per pod, from cAdvisor's `container_cpu_cfs_throttled_periods_total` over
/// `container_cpu_cfs_periods_total`: one instant query per namespace, aggregated on the
/// server. Containers without those series (no CPU limit, or a kubelet that does not export
/// them) are simply absent.
package struct PrometheusThrottling: Sendable {
    private let client: PrometheusClient

    package init(client: PrometheusClient) {
        self.client = client
    }

    static func query(namespace: String, windowSeconds: Double) -> String {
        let selector = "{namespace=\(PrometheusUsageQueries.quoted(namespace)),container!=\"\",container!=\"POD\"}"
        let window = PrometheusUsageQueries.duration(windowSeconds)
        return "sum by (pod, container) (increase(container_cpu_cfs_throttled_periods_total\(selector)[\(window)]))"
            + " / sum by (pod, container) (increase(container_cpu_cfs_periods_total\(selector)[\(window)]) > 0)"
    }

    /// workload → container → pod → throttled share (0–1).
    package func ratios(for workloads: [WorkloadResources], end: Timestamp, windowSeconds: Double) async throws -> [ResourceRef: [String: [String: Double]]] {
        let found = try await NamespaceFanOut.run(workloads) { namespace, workloads in
            let owners = PodOwnerIndex(workloads: workloads)
            var ratios: [ResourceRef: [String: [String: Double]]] = [:]
            for sample in try await client.query(Self.query(namespace: namespace, windowSeconds: windowSeconds), at: end) where sample.value.isFinite {
                guard let pod = sample.labels["pod"], let container = sample.labels["container"], let owner = owners.owner(ofPod: pod) else { continue }
                ratios[owner, default: [:]][container, default: [:]][pod] = sample.value
            }
            return ratios
        }
        return found.reduce(into: [:]) { $0.merge($1) { $1 } }
    }
}
