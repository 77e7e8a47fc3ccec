/// What the queries said about one container of one pod.
struct PodContainerFigures {
    var cpuPercentiles: [Double: Double] = [:]
    var cpuPeak: Double?
    var cpuSeconds: Double?
    var memoryPeak: Double?
    var memoryTotal: Double?
    var memorySamples: Double?
    var firstSample: Double?
    var lastSample: Double?
    var oomKilledSince: Double?
    var oomKillLimit: Double?

    mutating func record(_ figure: UsageFigure, _ value: Double) {
        switch figure {
        case .cpuPercentile(let percentile): cpuPercentiles[percentile] = value
        case .cpuPeak: cpuPeak = value
        case .cpuSeconds: cpuSeconds = value
        case .memoryPeak: memoryPeak = value
        case .memoryTotal: memoryTotal = value
        case .memorySamples: memorySamples = value
        case .firstSample: firstSample = value
        case .lastSample: lastSample = value
        case .oomKilledSince: oomKilledSince = value
        case .oomKillLimit: oomKillLimit = value
        }
    }

    /// Seconds between the first and the last sample, when both are known.
    var seconds: Double? {
        guard let firstSample, let lastSample else { return nil }
        return lastSample - firstSample
    }
}
