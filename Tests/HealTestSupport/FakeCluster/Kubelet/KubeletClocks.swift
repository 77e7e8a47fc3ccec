/// What the kubelet remembers about one pod's containers between reconciles, by container
/// name: since when a container crash-loops (and its restart count then), and since when its
/// image fails to pull. The status is a function of these and the cluster's clock.
struct KubeletClocks: Sendable {
    struct CrashLoop: Sendable {
        let since: ContinuousClock.Instant
        let restartCount: Int
    }

    var crashLoops: [String: CrashLoop] = [:]
    var failedPulls: [String: ContinuousClock.Instant] = [:]
}

/// What a pod's status was last derived from: the pod as stored then, the kubelet epoch and the
/// Secrets and ConfigMaps its environment may read.
struct KubeletSync: Sendable, Equatable {
    let resourceVersion: String
    let epoch: Int
    let configuration: String
}
