import HealModel

/// A workload as right-sizing and costing see it: its containers' requests and limits, how many
/// pods it runs, its autoscaling bounds and the OOM kills its pods' status shows.
package struct WorkloadResources: Sendable {
    package var ref: ResourceRef
    /// Replicas asked for (a DaemonSet: the nodes it runs on).
    package var replicas: Int
    /// The HorizontalPodAutoscaler's bounds, when one targets this workload.
    package var autoscaling: ReplicaBounds?
    package var containers: [ContainerResources]
    /// Names of the pods it runs now.
    package var podNames: [String]
    /// OOM kills in its pods' `lastState.terminated`, by container name.
    package var oomKills: [String: [OOMKill]]
    /// Labels of the node its first scheduled pod runs on (pricing by node pool); empty when unknown.
    package var nodeLabels: [String: String]
    /// The workload object's own labels and annotations (GitOps ownership before a change).
    package var labels: [String: String]
    package var annotations: [String: String]

    package init(
        ref: ResourceRef, replicas: Int, autoscaling: ReplicaBounds? = nil, containers: [ContainerResources],
        podNames: [String] = [], oomKills: [String: [OOMKill]] = [:], nodeLabels: [String: String] = [:],
        labels: [String: String] = [:], annotations: [String: String] = [:]
    ) {
        self.ref = ref
        self.replicas = replicas
        self.autoscaling = autoscaling
        self.containers = containers
        self.podNames = podNames
        self.oomKills = oomKills
        self.nodeLabels = nodeLabels
        self.labels = labels
        self.annotations = annotations
    }
}

/// minReplicas…maxReplicas of a HorizontalPodAutoscaler.
package struct ReplicaBounds: Sendable, Equatable, Codable {
    package var min: Int
    package var max: Int
    /// The HPA's average CPU utilization target (% of requests), when it scales on CPU.
    package var cpuUtilizationTarget: Int?
    /// The HorizontalPodAutoscaler's name.
    package var autoscaler: String?

    package init(min: Int, max: Int, cpuUtilizationTarget: Int? = nil, autoscaler: String? = nil) {
        self.min = min
        self.max = max
        self.cpuUtilizationTarget = cpuUtilizationTarget
        self.autoscaler = autoscaler
    }
}

/// A container killed for exceeding its memory limit.
package struct OOMKill: Sendable, Equatable, Codable {
    /// The memory limit it was killed at, when known.
    package var limitBytes: Double?
    package var at: Timestamp?
    /// Where it was seen: "pod status" or "kube-state-metrics".
    package var seenIn: String

    package init(limitBytes: Double?, at: Timestamp?, seenIn: String) {
        self.limitBytes = limitBytes
        self.at = at
        self.seenIn = seenIn
    }
}
