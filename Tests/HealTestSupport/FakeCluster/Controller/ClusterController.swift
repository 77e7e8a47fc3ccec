import Foundation
import HealModel

/// Runs the fake's controllers as phases in the order the captured control plane shows their
/// writes: garbage collection, the deployment controller (new ReplicaSet, revision annotation,
/// scaling), the replicaset controller (pods), the kubelet, the status writers (ReplicaSets,
/// then Deployments: `observedGeneration` catches up here), the endpointslice controller.
///
/// With `.instant` timing every write settles synchronously under the cluster lock. Otherwise
/// the controller thread runs a round when one is due (`reactionDelay` after a write), with the
/// lock released and `stepDelay` between phases, so clients see each intermediate state and
/// race the status writes; rounds repeat `stepDelay` apart while they change something.
enum ClusterController {
    /// A rollout takes a few rounds (scale up, pods ready, scale down, …); a rollout that needs
    /// more than this is left to the next write or timer tick.
    private static let maximumRounds = 64

    private static let phases: [@Sendable (inout ClusterState) -> Void] = [
        GarbageCollector.reconcile,
        DeploymentController.reconcileDeployments,
        DeploymentController.reconcileReplicaSets,
        Kubelet.reconcile,
        DeploymentController.reconcileStatuses,
        EndpointSliceController.reconcile,
    ]

    /// Every phase, round after round, until nothing changes (under the caller's lock).
    static func reconcile(_ state: inout ClusterState) {
        for _ in 0..<maximumRounds {
            let before = state.store.resourceVersion
            for phase in phases { phase(&state) }
            if state.store.resourceVersion == before { return }
        }
    }

    /// Starts the thread that runs controller rounds when due: a scheduled round, a pod whose
    /// status changes by the clock (start, back-off, `readyAfter`) or whose grace is over
    /// (checked every 10 ms). It pauses while the API server is down and ends when
    /// `state.stopped` is set.
    static func startTimer(_ shared: SharedClusterState) {
        let thread = Thread {
            while true {
                let stop = shared.wait(until: Date().addingTimeInterval(0.01)) { state -> Bool? in
                    if state.stopped { return true }
                    return !state.apiServerDown && isDue(state) ? false : nil
                }
                if stop == true { return }
                if stop == false { runRound(shared) }
            }
        }
        thread.name = "FakeCluster.controller"
        thread.start()
    }

    private static func isDue(_ state: ClusterState) -> Bool {
        state.roundDue.map { $0 <= state.now } ?? false || Kubelet.hasDueWakeUp(in: state) || PodTermination.hasDue(in: state)
    }

    /// One round: each phase under its own lock, `stepDelay` apart. A round cut short by the
    /// API server stopping runs again once it is back.
    private static func runRound(_ shared: SharedClusterState) {
        let timing = shared.withLock { state in
            state.roundDue = nil
            state.roundRunning = true
            return state.timing
        }
        guard !timing.isInstant else {
            shared.withLock { state in
                reconcile(&state)
                state.roundRunning = false
            }
            return
        }
        var changed = false
        for (position, phase) in phases.enumerated() {
            if position > 0 { Thread.sleep(forTimeInterval: timing.stepDelay.seconds) }
            let interrupted = shared.withLock { state in
                guard !state.stopped, !state.apiServerDown else {
                    state.scheduleRound(after: .zero)
                    return true
                }
                let before = state.store.resourceVersion
                phase(&state)
                changed = changed || state.store.resourceVersion != before
                return false
            }
            if interrupted { break }
        }
        shared.withLock { state in
            state.roundRunning = false
            if changed { state.scheduleRound(after: timing.stepDelay) }
        }
    }
}
