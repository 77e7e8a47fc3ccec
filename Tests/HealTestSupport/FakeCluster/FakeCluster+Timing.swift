extension FakeCluster {
    /// How long the fake control plane takes to react, after the v1.24 capture
    /// (`rollout-of-crashlooping-deployment.watch.jsonl`). `.instant` settles every write before
    /// it returns: for tests of controller decisions, not of what a client sees over time.
    package struct Timing: Sendable, Equatable {
        /// From a write to the first controller phase that sees it.
        package var reactionDelay: Duration
        /// Between the phases of a controller round, and between rounds.
        package var stepDelay: Duration
        /// From a pod's creation to the kubelet starting its containers; until then the pod is
        /// Pending with only `PodScheduled`.
        package var podStartDelay: Duration
        /// How long a deleted pod stays listed with its `deletionTimestamp`.
        package var terminationGrace: Duration

        package init(reactionDelay: Duration, stepDelay: Duration, podStartDelay: Duration, terminationGrace: Duration) {
            self.reactionDelay = reactionDelay
            self.stepDelay = stepDelay
            self.podStartDelay = podStartDelay
            self.terminationGrace = terminationGrace
        }

        /// The captured control plane: the new ReplicaSet ~115 ms after a PATCH, a phase every
        /// ~15 ms, pods Running a few hundred ms after creation, old pods gone after ~2 s.
        package static let realistic = Timing(
            reactionDelay: .milliseconds(100), stepDelay: .milliseconds(15),
            podStartDelay: .milliseconds(300), terminationGrace: .seconds(2))

        /// Controllers settle synchronously, under the write's lock, before its response goes out.
        package static let instant = Timing(reactionDelay: .zero, stepDelay: .zero, podStartDelay: .zero, terminationGrace: .zero)

        var isInstant: Bool { self == .instant }
    }
}
