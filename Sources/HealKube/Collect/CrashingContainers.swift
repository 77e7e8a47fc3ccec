import HealModel

/// Picks the containers whose logs explain a crash: crash-looping or exited non-zero, main and
/// init containers alike. Image-pull and config failures never started, so they have no logs.
enum CrashingContainers {
    struct Target: Sendable, Hashable {
        var namespace: String
        var pod: String
        var container: String
        var hasPrevious: Bool
    }

    static func targets(in pods: [Pod], samplesPerWorkload: Int) -> [Target] {
        var perGroup: [String: Int] = [:]
        var targets: [Target] = []
        for pod in pods.sorted(by: { $0.metadata.name < $1.metadata.name }) {
            let namespace = pod.metadata.namespace ?? "default"
            let group = "\(namespace)/\(pod.metadata.controller?.name ?? pod.metadata.name)"
            for status in pod.status.initContainerStatuses + pod.status.containerStatuses where isCrashing(status) {
                let key = "\(group)/\(status.name)"
                guard perGroup[key, default: 0] < samplesPerWorkload else { continue }
                perGroup[key, default: 0] += 1
                targets.append(Target(namespace: namespace, pod: pod.metadata.name, container: status.name, hasPrevious: (status.restartCount ?? 0) > 0))
            }
        }
        return targets
    }

    static func isCrashing(_ status: ContainerStatus) -> Bool {
        if status.state?.waiting?.reason == "CrashLoopBackOff" { return true }
        if let terminated = status.state?.terminated, terminated.exitCode != 0 { return true }
        if let last = status.lastState?.terminated, last.exitCode != 0, (status.restartCount ?? 0) > 0 { return true }
        return false
    }
}
