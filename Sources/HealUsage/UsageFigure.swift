/// What one usage query measures, per pod and container.
enum UsageFigure: Hashable, Sendable {
    /// CPU cores at this percentile (as asked, e.g. 95) of the rate over the window.
    case cpuPercentile(Double)
    case cpuPeak
    /// CPU seconds used in the window (the counters' increase, restarts included).
    case cpuSeconds
    case memoryPeak
    /// The sum of all working-set samples, for the mean.
    case memoryTotal
    case memorySamples
    /// Unix time of the first and last memory sample in the window.
    case firstSample
    case lastSample
    /// Unix time kube-state-metrics first showed OOMKilled as the last terminated reason.
    case oomKilledSince
    /// The memory limit of a container kube-state-metrics showed OOM-killed.
    case oomKillLimit
}
