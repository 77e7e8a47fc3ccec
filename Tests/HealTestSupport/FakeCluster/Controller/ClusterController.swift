import Foundation

/// Runs the fake's controllers in dependency order until nothing changes: after every write
/// (synchronously, under the cluster lock, so a test sees a settled cluster once its request
/// returns) and on a timer for pods whose status moves on with the clock (a back-off ending,
/// `readyAfter`).
enum ClusterController {
    /// A rollout takes a few rounds (scale up, pods ready, scale down, …); a rollout that needs
    /// more than this is left to the next write or timer tick.
    private static let maximumRounds = 64

    static func reconcile(_ state: inout ClusterState) {
        for _ in 0..<maximumRounds {
            let before = state.store.resourceVersion
            GarbageCollector.reconcile(&state)
            DeploymentController.reconcileSpecs(&state)
            Kubelet.reconcile(&state)
            DeploymentController.reconcileStatuses(&state)
            EndpointSliceController.reconcile(&state)
            if state.store.resourceVersion == before { return }
        }
    }

    /// Starts the thread that reconciles once a pod's status is due to change by the clock
    /// (checked every 10 ms); it ends when `state.stopped` is set.
    static func startTimer(_ shared: SharedClusterState) {
        let thread = Thread {
            while true {
                let stop = shared.wait(until: Date().addingTimeInterval(0.01)) { state -> Bool? in
                    state.stopped ? true : Kubelet.hasDueWakeUp(in: state) ? false : nil
                }
                if stop == true { return }
                if stop == false { shared.withLock { reconcile(&$0) } }
            }
        }
        thread.name = "FakeCluster.controller"
        thread.start()
    }
}
