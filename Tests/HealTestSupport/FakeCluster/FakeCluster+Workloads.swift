import Foundation

/// What tests change about the workloads and the node, beyond API writes: what programs need,
/// which images exist, the clock, and removing a Deployment with everything it owns.
extension FakeCluster {
    /// Sets what the program of `namespace/deployment` needs (memory, environment variables),
    /// now and for every later pod template and for a Deployment of that name created later.
    /// Pods already running that no longer qualify break at once (their seeded pods too: the
    /// kubelet takes them over). Returns the instant of the change, for timing how long a
    /// watcher takes to notice: with `.instant` timing the new pod statuses are visible to LIST
    /// and WATCH then, otherwise after the next controller round (`reactionDelay` later).
    @discardableResult
    package func setNeeds(_ needs: WorkloadNeeds, namespace: String, deployment: String) -> ContinuousClock.Instant {
        shared.withLock { state in
            state.needs["\(namespace)/\(deployment)"] = needs
            Kubelet.resync(deployment: "\(namespace)/\(deployment)", in: &state)
            state.react()
            return .now
        }
    }

    /// The images the node can pull from now on (replacing `ImageRegistry.standardImages`); pods
    /// whose image is missing fail to pull, and failing ones whose image appears start.
    package func setRegistry(images: [String]) {
        shared.withLock { state in
            state.registry = ImageRegistry(images: images)
            state.kubeletEpoch += 1
            state.react()
        }
    }

    /// The time the API server writes now (RFC 3339), what `advanceClock` skipped included: for
    /// a test writing a status or Event as a component the fake does not play would.
    package var timestampNow: String {
        shared.withLock { $0.timestampNow }
    }

    /// Moves the cluster's clock ahead: crash loops restart (restartCount, back-off message and
    /// `BackOff` event count move on), ErrImagePull turns into ImagePullBackOff after 10s, and
    /// `readyAfter` delays, pod starts and termination graces run out — without waiting in real
    /// time (the controllers still take `reactionDelay` to act on it).
    package func advanceClock(by duration: Duration) {
        shared.withLock { state in
            state.clockOffset += duration
            state.kubeletEpoch += 1
            state.react()
        }
    }

    /// Deletes a Deployment as `kubectl delete deployment` does (background propagation): its
    /// ReplicaSets and pods go with it. What was set with `setNeeds`/`setBehaviour` stays, for a
    /// Deployment of the same name created again. Throws `APIStatusError` 404 when there is none.
    package func deleteDeployment(namespace: String, name: String) throws {
        try delete(at: "/apis/apps/v1/namespaces/\(namespace)/deployments/\(name)")
    }

    /// Deletes an object as `kubectl delete` does (a pod: gracefully; its owner replaces it).
    /// Throws `APIStatusError` 404 when there is none.
    package func delete(at path: String) throws {
        guard let apiPath = APIPath(components: path.split(separator: "/").map(String.init)) else { return }
        _ = try shared.withLock { try $0.delete(at: apiPath, dryRun: false) }
    }
}
