import Foundation
import HealAnalysis
import HealKube
import HealModel
import Logging

/// Decides whether a change healed a Deployment, judging only the rollout that change caused
/// (`RolloutObservation`): once the controller has observed the written generation, the new
/// ReplicaSet's pods must replace the old ones and stay Ready without a restart for the whole
/// window. It gives up at once when a new pod shows a failure (crash loop, image pull, config
/// error, OOM kill) or the rollout exceeds its progress deadline. An API server outage is
/// waited out until the rollout timeout; still unreachable then, the error is thrown (the
/// change is live but unverified).
///
/// With the process's shared informers, the pods come from the namespace's pod informer while it
/// is current (listed and streaming), and a pod change wakes the next look at once instead of
/// after the poll interval; a healthy verdict is still confirmed by listing them, since a watch
/// that has just resumed, or whose connection died silently, may lag. The Deployment and its
/// ReplicaSets are always read from the API: the new ReplicaSet is found by comparing whole pod
/// templates, which the narrow models and protobuf do not carry.
struct RolloutVerifier: Sendable {
    struct Verdict: Sendable {
        var healthy: Bool
        /// One sentence for people and the audit record.
        var sentence: String
        /// From the write's answer to the controller observing its generation (nil: never seen).
        var observedAfter: Duration? = nil
        /// From the write's answer to this verdict.
        var decidedAfter: Duration = .zero
    }

    let client: KubeClient
    let window: Duration
    let timeout: Duration
    let pollInterval: Duration
    let informers: SharedInformers?
    let logger: Logger

    /// `generation`: the Deployment's generation the change's write returned (0 when nothing
    /// was written, e.g. after a pod restart). Called right after the write's answer, so the
    /// verdict's timings count from it.
    func verify(deployment name: String, namespace: String, generation: Int) async throws -> Verdict {
        let started = ContinuousClock.now
        let writtenAt = Date()
        let deadline = started + timeout
        let outages = OutageRetry(window: timeout, logger: logger)
        var healthySince: ContinuousClock.Instant?
        var restartsAtStart: [String: Int] = [:]
        var observedAfter: Duration?
        func verdict(_ healthy: Bool, _ sentence: String) -> Verdict {
            Verdict(healthy: healthy, sentence: sentence, observedAfter: observedAfter, decidedAfter: started.duration(to: .now))
        }
        let pods = informers?.informer(Pod.self, namespace: namespace)
        let podChanged = pods.map { ChangeSignal($0, namespace: namespace) }
        defer { podChanged?.stop() }
        var listPods = false
        while true {
            let state = try await outages.run("verifying deployment/\(name)") { [listPods] in
                try await RolloutObservation.read(
                    name, namespace: namespace, generation: generation, writtenAt: writtenAt, client: client, pods: listPods ? nil : pods)
            }
            listPods = false
            if observedAfter == nil, state.observed {
                observedAfter = started.duration(to: .now)
            }
            if let failure = state.failure {
                return verdict(false, failure)
            }
            if let ready = state.completeRollout {
                if healthySince == nil {
                    healthySince = .now
                    restartsAtStart = state.restarts
                }
                if let restarted = state.restarts.first(where: { $0.value > restartsAtStart[$0.key, default: $0.value] }) {
                    return verdict(false, "pod \(restarted.key) restarted during the \(window.spoken) verification window")
                }
                if let since = healthySince, since.duration(to: .now) >= window {
                    guard state.podsListed else {
                        listPods = true
                        continue
                    }
                    return verdict(true, "\(ready) Ready, no restarts for \(window.spoken)")
                }
            } else if healthySince != nil {
                // A gap (a pod not Ready for a moment, the HPA adding replicas) is not a failure
                // by itself: the window starts again; a crash or restart above is one.
                logger.info("deployment/\(name): the rollout is incomplete again (\(state.progress)); the verification window starts again")
                healthySince = nil
            }
            if ContinuousClock.now >= deadline {
                return verdict(false, "the rollout did not complete within \(timeout.spoken): \(state.progress)")
            }
            // The controller usually observes a write within ~150 ms: look often until it has.
            let interval = state.observed ? pollInterval : min(pollInterval, Self.observePollInterval)
            if let podChanged {
                // Not more often than the observe interval, however busy the namespace.
                let floor = min(interval, Self.observePollInterval)
                try await Task.sleep(for: floor)
                await podChanged.wait(upTo: interval - floor)
                try Task.checkCancellation()
            } else {
                try await Task.sleep(for: interval)
            }
        }
    }

    static let observePollInterval: Duration = .milliseconds(50)

    /// Waits until the controller has observed `generation` and made the ReplicaSet for the
    /// template it wrote (a restore taking effect), without judging the pods; false when that
    /// did not happen within the rollout timeout.
    func waitObserved(deployment name: String, namespace: String, generation: Int) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        let outages = OutageRetry(window: timeout, logger: logger)
        let writtenAt = Date()
        while ContinuousClock.now < deadline {
            let state = try await outages.run("waiting for deployment/\(name) to take the restored template") {
                try await RolloutObservation.read(name, namespace: namespace, generation: generation, writtenAt: writtenAt, client: client, pods: nil)
            }
            if state.observed { return true }
            try await Task.sleep(for: pollInterval)
        }
        return false
    }
}
