import HealAnalysis
import HealModel

/// The document `forecast -o json|yaml` prints (kind `ForecastReport`). An API within
/// `heal.kubectl.io/v1alpha1`: fields are added, never renamed or removed.
package struct ForecastReport: Encodable, Sendable {
    package struct Metadata: Encodable, Sendable {
        package var source: DiagnosisReport.Source
        package var namespaces: [String]?
        package var prometheus: String
        /// The history read (`historySeconds` up to `end`, one point every `stepSeconds`) and the
        /// span forecast after it.
        package var end: Timestamp
        package var historySeconds: Double
        package var stepSeconds: Double
        package var horizonSeconds: Double
        /// With `-o patch`: what the pre-scaling schedules are written as.
        package var preScaling: PreScalingTarget?
    }

    /// At the hour the summed CPU requests peak: what they reach against the nodes' allocatable CPU.
    package struct Capacity: Encodable, Sendable, Equatable {
        package var hour: Timestamp
        package var requestedCores: Double
        package var allocatableCores: Double
        package var share: Double
    }

    package var metadata: Metadata
    package var workloads: [WorkloadForecast]
    package var capacity: Capacity?
    package var notEnoughHistory: [ShortHistory]
    package var errors: [UnreadableResource]

    /// The hour of the horizon when the workloads' CPU requests add up to the most: a workload
    /// with predicted replicas counts those, any other its replicas now.
    static func capacity(_ forecasts: [WorkloadForecast], workloads: [WorkloadResources], allocatableCores: Double) -> Capacity? {
        guard allocatableCores > 0 else { return nil }
        var requested: [Timestamp: Double] = [:]
        var steady = 0.0
        let hoursByWorkload = Dictionary(forecasts.compactMap { forecast in forecast.scaling.map { (forecast.workload, $0.hours) } }, uniquingKeysWith: { first, _ in first })
        for workload in workloads {
            let perPod = workload.containers.compactMap(\.requests.cpu).reduce(0, +)
            guard let hours = hoursByWorkload[workload.ref] else {
                steady += perPod * Double(workload.replicas)
                continue
            }
            for hour in hours { requested[hour.start, default: 0] += Double(hour.replicas) * perPod }
        }
        guard let peak = requested.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else { return nil }
        let total = peak.value + steady
        return Capacity(hour: peak.key, requestedCores: total, allocatableCores: allocatableCores, share: total / allocatableCores)
    }
}
