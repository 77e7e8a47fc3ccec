import Foundation

/// Runs the fake's controllers in dependency order until nothing changes: after every write
/// (synchronously, under the cluster lock, so a test sees a settled cluster once its request
/// returns) and on a timer for pods whose readiness waits on the clock.
enum ClusterController {
    static func reconcile(_ state: inout ClusterState, now: ContinuousClock.Instant = .now) {
        // Each pass only reacts to the previous ones; a few rounds settle any chain of changes.
        for _ in 0..<4 {
            let before = state.store.resourceVersion
            DeploymentController.reconcileSpecs(&state, now: now)
            Kubelet.reconcile(&state, now: now)
            DeploymentController.reconcileStatuses(&state)
            EndpointSliceController.reconcile(&state)
            if state.store.resourceVersion == before { return }
        }
    }

    /// Starts the thread that reconciles once a `readyAfter` delay has run out (checked every
    /// 10 ms); it ends when `state.stopped` is set.
    static func startTimer(_ shared: SharedClusterState) {
        let thread = Thread {
            while true {
                let stop = shared.wait(until: Date().addingTimeInterval(0.01)) { state -> Bool? in
                    state.stopped ? true : Kubelet.hasOverdueReadiness(in: state, now: .now) ? false : nil
                }
                if stop == true { return }
                if stop == false { shared.withLock { reconcile(&$0) } }
            }
        }
        thread.name = "FakeCluster.controller"
        thread.start()
    }
}
