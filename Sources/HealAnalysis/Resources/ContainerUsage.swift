import HealModel

/// Where usage figures came from. metrics-server has current usage only, so its results are
/// always low confidence.
package enum UsageSourceKind: String, Sendable, Codable, Equatable {
    case prometheus
    case metricsServer = "metrics-server"
    /// No usage at all: only pod status (OOM kills) and the spec.
    case none
}

/// One container's usage over the history window, over all of its workload's pods.
package struct ContainerUsage: Sendable, Equatable {
    package var container: String
    /// CPU cores at each percentile asked for in the query (keys as given, e.g. 95, 99.5).
    package var cpuPercentiles: [Double: Double]
    package var cpuPeakCores: Double?
    /// Mean usage over the window: what costing counts as used (idle = request − mean).
    package var cpuMeanCores: Double?
    package var memoryPeakBytes: Double?
    package var memoryMeanBytes: Double?
    /// Samples the figures rest on (memory samples, summed over the workload's pods).
    package var samples: Int
    /// Seconds between the first and the last sample.
    package var historySeconds: Double
    /// OOM kills the source saw (kube-state-metrics), in addition to pod status.
    package var oomKills: [OOMKill]

    package init(
        container: String, cpuPercentiles: [Double: Double] = [:], cpuPeakCores: Double? = nil, cpuMeanCores: Double? = nil,
        memoryPeakBytes: Double? = nil, memoryMeanBytes: Double? = nil, samples: Int, historySeconds: Double,
        oomKills: [OOMKill] = []
    ) {
        self.container = container
        self.cpuPercentiles = cpuPercentiles
        self.cpuPeakCores = cpuPeakCores
        self.cpuMeanCores = cpuMeanCores
        self.memoryPeakBytes = memoryPeakBytes
        self.memoryMeanBytes = memoryMeanBytes
        self.samples = samples
        self.historySeconds = historySeconds
        self.oomKills = oomKills
    }
}

/// A workload's usage, by container name.
package struct WorkloadUsage: Sendable, Equatable {
    package var workload: ResourceRef
    package var source: UsageSourceKind
    package var containers: [String: ContainerUsage]

    package init(workload: ResourceRef, source: UsageSourceKind, containers: [String: ContainerUsage]) {
        self.workload = workload
        self.source = source
        self.containers = containers
    }
}

/// What to measure: these workloads, over the last `historySeconds` ending at `end`, at `stepSeconds`
/// resolution, with CPU at these percentiles.
package struct UsageQuery: Sendable {
    package var workloads: [WorkloadResources]
    package var end: Timestamp
    package var historySeconds: Double
    package var stepSeconds: Double
    package var cpuPercentiles: [Double]

    package init(workloads: [WorkloadResources], end: Timestamp, historySeconds: Double, stepSeconds: Double, cpuPercentiles: [Double]) {
        self.workloads = workloads
        self.end = end
        self.historySeconds = historySeconds
        self.stepSeconds = stepSeconds
        self.cpuPercentiles = cpuPercentiles
    }
}

/// Prometheus or metrics-server behind one interface. Workloads the source has no figures for
/// are left out of the answer rather than given zeros.
package protocol UsageSource: Sendable {
    var kind: UsageSourceKind { get }
    /// A description for reports: "prometheus http://127.0.0.1:9090", "metrics-server (3 samples)".
    var label: String { get }
    func usage(for query: UsageQuery) async throws -> [ResourceRef: WorkloadUsage]
}
