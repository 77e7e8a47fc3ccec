import HealModel

/// One container of a workload: its memory working set over the window, pod by pod (pods of
/// earlier rollouts too), and the memory limit its spec sets now.
package struct ContainerMemoryHistory: Sendable {
    package var workload: ResourceRef
    package var container: String
    package var limitBytes: Double?
    /// Per pod, (Unix seconds, bytes) oldest first.
    package var pods: [String: [(time: Double, value: Double)]]

    package init(workload: ResourceRef, container: String, limitBytes: Double?, pods: [String: [(time: Double, value: Double)]]) {
        self.workload = workload
        self.container = container
        self.limitBytes = limitBytes
        self.pods = pods
    }

    /// From the first sample of any pod to `end`.
    package func historySeconds(end: Double) -> Double {
        pods.values.compactMap(\.first?.time).min().map { end - $0 } ?? 0
    }
}
