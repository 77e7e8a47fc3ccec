import HealModel

/// One container of a workload: its memory working set pod by pod over the last days (pods of
/// earlier rollouts too), its memory per hour over the whole window, and the memory limit its
/// spec sets now.
package struct ContainerMemoryHistory: Sendable {
    package var workload: ResourceRef
    package var container: String
    package var limitBytes: Double?
    /// Per pod, (Unix seconds, bytes) oldest first, at a fine step: resets, climbs and trends.
    package var pods: [String: [(time: Double, value: Double)]]
    /// Each hour's median, the highest of the pods, oldest first, each at the end of its hour:
    /// level and shape over the whole window.
    package var hourly: [(time: Double, value: Double)]

    package init(
        workload: ResourceRef, container: String, limitBytes: Double?, pods: [String: [(time: Double, value: Double)]],
        hourly: [(time: Double, value: Double)] = []
    ) {
        self.workload = workload
        self.container = container
        self.limitBytes = limitBytes
        self.pods = pods
        self.hourly = hourly
    }

    /// From the first sample of any pod (or the end of the first hour, which may hold one
    /// sample only) to `end`.
    package func historySeconds(end: Double) -> Double {
        let first = (pods.values.compactMap(\.first?.time) + [hourly.first?.time].compactMap { $0 }).min()
        return first.map { end - $0 } ?? 0
    }
}
