import HealAnalysis
import HealModel

/// Each container's restarts from kube-state-metrics' `kube_pod_container_status_restarts_total`:
/// per pod over the last day, and over the rest of the window before it. Two instant queries
/// per namespace, the increases computed on the server; `max` rather than `sum` over the pod's
/// series, so two kube-state-metrics replicas scraped side by side do not count twice.
/// Containers without the series (no kube-state-metrics) are simply absent.
package struct PrometheusRestarts: Sendable {
    package struct Counts: Sendable {
        /// Per pod, over the last day.
        package var recent: [String: Double] = [:]
        /// All pods, over `earlierSeconds` before that.
        package var earlier = 0.0
    }

    private let client: PrometheusClient

    package init(client: PrometheusClient) {
        self.client = client
    }

    package static let recentSeconds = 86_400.0

    static func query(namespace: String, rangeSeconds: Double, offsetSeconds: Double) -> String {
        let selector = "{namespace=\(PrometheusUsageQueries.quoted(namespace))}"
        let offset = offsetSeconds > 0 ? " offset \(PrometheusUsageQueries.duration(offsetSeconds))" : ""
        return "max by (pod, container) (increase(kube_pod_container_status_restarts_total\(selector)[\(PrometheusUsageQueries.duration(rangeSeconds))]\(offset)))"
    }

    /// workload → container → counts; `earlierSeconds` is the window less the last day.
    package func counts(for workloads: [WorkloadResources], end: Timestamp, earlierSeconds: Double) async throws -> [ResourceRef: [String: Counts]] {
        let found = try await NamespaceFanOut.run(workloads) { namespace, workloads in
            let owners = PodOwnerIndex(workloads: workloads)
            var counts: [ResourceRef: [String: Counts]] = [:]
            let recent = try await client.query(Self.query(namespace: namespace, rangeSeconds: Self.recentSeconds, offsetSeconds: 0), at: end)
            let earlier = try await client.query(Self.query(namespace: namespace, rangeSeconds: earlierSeconds, offsetSeconds: Self.recentSeconds), at: end)
            for (samples, isRecent) in [(recent, true), (earlier, false)] {
                for sample in samples where sample.value.isFinite {
                    guard let pod = sample.labels["pod"], let container = sample.labels["container"], let owner = owners.owner(ofPod: pod) else { continue }
                    if isRecent { counts[owner, default: [:]][container, default: Counts()].recent[pod] = sample.value } else {
                        counts[owner, default: [:]][container, default: Counts()].earlier += sample.value
                    }
                }
            }
            return counts
        }
        return found.reduce(into: [:]) { $0.merge($1) { $1 } }
    }
}
