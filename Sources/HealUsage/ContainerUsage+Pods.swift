import HealAnalysis
import HealModel

extension ContainerUsage {
    /// One container's usage over all the pods that ran it.
    ///
    /// CPU percentiles and peaks take the highest pod: a percentile of the pooled samples cannot
    /// be rebuilt from per-pod percentiles, and the highest is never below it (if no pod is above
    /// its own p95 more than 5% of the time, the pool is not above the highest p95 more than 5%
    /// of the time either) — the conservative choice for sizing every pod alike. Means are
    /// pooled exactly: CPU seconds over the seconds the pods ran (first to last sample, to the
    /// rate window), bytes over samples.
    init(container: String, pods: [PodContainerFigures]) {
        var percentiles: [Double: Double] = [:]
        for pod in pods {
            percentiles.merge(pod.cpuPercentiles) { max($0, $1) }
        }
        var cpuSeconds = 0.0
        var runningSeconds = 0.0
        var memoryTotal = 0.0
        var memorySamples = 0.0
        for pod in pods {
            // A pod seen at one presence step only (it ran for less than the rate window) has
            // no measurable running time; its CPU seconds would inflate the mean.
            if let used = pod.cpuSeconds, let ran = pod.seconds, ran > 0 {
                cpuSeconds += used
                runningSeconds += ran
            }
            if let total = pod.memoryTotal, let samples = pod.memorySamples {
                memoryTotal += total
                memorySamples += samples
            }
        }
        var history = 0.0
        if let first = pods.compactMap(\.firstSample).min(), let last = pods.compactMap(\.lastSample).max() {
            history = last - first
        }
        let oomKills = pods
            .compactMap { pod in pod.oomKilledSince.map { (since: $0, limit: pod.oomKillLimit) } }
            .sorted { $0.since < $1.since }
            .map { OOMKill(limitBytes: $0.limit, at: Timestamp(secondsSince1970: $0.since), seenIn: "kube-state-metrics") }
        self.init(
            container: container,
            cpuPercentiles: percentiles,
            cpuPeakCores: pods.compactMap(\.cpuPeak).max(),
            cpuMeanCores: runningSeconds > 0 ? cpuSeconds / runningSeconds : nil,
            memoryPeakBytes: pods.compactMap(\.memoryPeak).max(),
            memoryMeanBytes: memorySamples > 0 ? memoryTotal / memorySamples : nil,
            samples: Int(pods.compactMap(\.memorySamples).reduce(0, +)),
            historySeconds: history,
            oomKills: oomKills)
    }
}
