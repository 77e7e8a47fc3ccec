import Foundation
import HealAnalysis
import HealKube
import HealModel
import Logging

/// Decides whether a change healed a Deployment: its rollout completes (the new ReplicaSet's
/// pods replace the old ones) and every new pod stays Ready without a restart for the whole
/// window. It gives up at once when a new pod shows a failure (crash loop, image pull, config
/// error, OOM kill), rather than waiting out the window on something already broken.
struct RolloutVerifier: Sendable {
    struct Verdict: Sendable {
        var healthy: Bool
        /// One sentence for people and the audit record.
        var sentence: String
    }

    let client: KubeClient
    let window: Duration
    let timeout: Duration
    let pollInterval: Duration

    /// `generation`: the Deployment's generation after the change (0 when nothing was changed,
    /// e.g. after a pod restart).
    func verify(deployment name: String, namespace: String, generation: Int) async throws -> Verdict {
        let deadline = ContinuousClock.now + timeout
        var healthySince: ContinuousClock.Instant?
        var restartsAtStart: [String: Int] = [:]
        while true {
            let state = try await observe(name, namespace: namespace)
            if let failure = state.failure {
                return Verdict(healthy: false, sentence: failure)
            }
            if state.deployment.status?.observedGeneration ?? 0 >= generation, let ready = state.completeRollout {
                if healthySince == nil {
                    healthySince = .now
                    restartsAtStart = state.restarts
                }
                if let restarted = state.restarts.first(where: { $0.value > restartsAtStart[$0.key, default: $0.value] }) {
                    return Verdict(healthy: false, sentence: "pod \(restarted.key) restarted during the \(Self.text(window)) verification window")
                }
                if let since = healthySince, since.duration(to: .now) >= window {
                    return Verdict(healthy: true, sentence: "\(ready) Ready, no restarts for \(Self.text(window))")
                }
            } else if healthySince != nil {
                return Verdict(healthy: false, sentence: "pods stopped being Ready during the verification window: \(state.progress)")
            }
            if ContinuousClock.now >= deadline {
                return Verdict(healthy: false, sentence: "the rollout did not complete within \(Self.text(timeout)): \(state.progress)")
            }
            try await Task.sleep(for: pollInterval)
        }
    }

    // MARK: Observation

    private struct State {
        var deployment: Deployment
        var newPods: [Pod]
        var allPods: [Pod]

        var desired: Int { deployment.desiredReplicas }

        /// "2 of 2 new pods" when the new ReplicaSet's pods alone run, all Ready.
        var completeRollout: String? {
            let ready = newPods.filter(\.isReady)
            guard ready.count == desired, allPods.count == desired, newPods.count == desired,
                deployment.status?.updatedReplicas ?? 0 == desired
            else { return nil }
            return "\(ready.count) of \(desired) new pod\(desired == 1 ? "" : "s")"
        }

        var restarts: [String: Int] {
            Dictionary(newPods.map { ($0.metadata.name, $0.status.containerStatuses.reduce(0) { $0 + ($1.restartCount ?? 0) }) }) { first, _ in first }
        }

        var progress: String {
            "\(newPods.filter(\.isReady).count) of \(desired) new pods Ready, \(allPods.count - newPods.count) old pod(s) left"
        }

        /// The first new pod that shows a state only a broken spec reaches.
        var failure: String? {
            for pod in newPods {
                for status in pod.status.initContainerStatuses + pod.status.containerStatuses {
                    if let reason = status.state?.waiting?.reason, RolloutVerifier.failingReasons.contains(reason) {
                        let last = status.lastState?.terminated.map { ", last terminated \($0.reason ?? "exit") (exit code \($0.exitCode))" } ?? ""
                        return "new pod \(pod.metadata.name): container \(status.name) is \(reason)\(last)"
                    }
                    if let terminated = status.state?.terminated ?? status.lastState?.terminated, terminated.exitCode != 0 {
                        return "new pod \(pod.metadata.name): container \(status.name) terminated \(terminated.reason ?? "with an error") (exit code \(terminated.exitCode))"
                    }
                }
            }
            return nil
        }
    }

    static let failingReasons: Set<String> = [
        "CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "InvalidImageName", "CreateContainerConfigError",
        "CreateContainerError", "RunContainerError",
    ]

    private func observe(_ name: String, namespace: String) async throws -> State {
        let data = try await client.object(APIResource(.deployments), namespace: namespace, name: name)
        let deployment = try JSONDecoder().decode(Deployment.self, from: data)
        let selector = deployment.spec.selector ?? LabelSelector()
        let query = selector.matchLabels.selectorText
        var replicaSets: [ReplicaSet] = []
        _ = try await client.list(.replicaSets, as: ReplicaSet.self, namespace: namespace, labelSelector: query) { replicaSets += $0 }
        var pods: [Pod] = []
        _ = try await client.list(.pods, as: Pod.self, namespace: namespace, labelSelector: query) { pods += $0 }
        let owned = replicaSets.filter { $0.metadata.controller?.uid == deployment.metadata.uid }
        let revision = deployment.metadata.annotations["deployment.kubernetes.io/revision"].flatMap { Int($0) }
        let newest = owned.first { $0.revision == revision && revision != nil } ?? owned.max { ($0.revision ?? 0) < ($1.revision ?? 0) }
        let live = pods.filter { $0.metadata.deletionTimestamp == nil && selector.matches($0.metadata.labels) }
        let newPods = live.filter { pod in newest.map { pod.metadata.controller?.uid == $0.metadata.uid } ?? false }
        return State(deployment: deployment, newPods: newPods, allPods: live)
    }

    static func text(_ duration: Duration) -> String {
        let seconds = duration.seconds
        return seconds < 1 ? "\(Int(seconds * 1000))ms" : DurationText.format(seconds: seconds)
    }
}

extension Pod {
    var isReady: Bool {
        status.conditions.contains { $0.type == "Ready" && $0.status == "True" }
    }
}
