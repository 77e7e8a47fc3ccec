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

    /// Memory per hour: the highest of the pods at each step, then the median of each hour,
    /// oldest first, each at the end of its hour (a point belongs to the hour its step ends in).
    package var hourlyMedians: [(time: Double, value: Double)] {
        let hour = 3600.0
        var highest: [Double: Double] = [:]
        for points in pods.values {
            for point in points { highest[point.time] = max(highest[point.time] ?? 0, point.value) }
        }
        let byHour = Dictionary(grouping: highest) { ($0.key / hour).rounded(.up) }
        return byHour.keys.sorted().map { key in (key * hour, ChangePointDetector.median((byHour[key] ?? []).map(\.value).sorted())) }
    }
}
