import HealModel

/// One pod's latest usage as metrics-server reports it (`metrics.k8s.io/v1beta1` PodMetrics):
/// when the kubelet was scraped and each container's CPU (cores, averaged over the scrape's
/// window) and memory (working set bytes). `window` is not read.
package struct PodMetrics: Decodable, Sendable {
    package struct Container: Decodable, Sendable {
        package var name: String
        package var usage: Usage
    }

    /// A ResourceList holding the two figures metrics-server always reports.
    package struct Usage: Decodable, Sendable {
        package var cpu: Quantity
        package var memory: Quantity
    }

    package var metadata: ObjectMeta
    package var timestamp: Timestamp
    @DefaultEmpty package var containers: [Container]
}
