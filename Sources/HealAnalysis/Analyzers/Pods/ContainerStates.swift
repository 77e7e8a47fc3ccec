import HealModel

/// Container states several pod analyzers must agree on, so that each container problem is
/// reported by exactly one analyzer.
enum ContainerStates {
    /// Reasons the runtime gives when it could not start the process at all.
    static let startFailureReasons: Set<String> = ["StartError", "ContainerCannotRun"]

    static func isCrashLooping(_ status: ContainerStatus) -> Bool {
        status.state?.waiting?.reason == "CrashLoopBackOff" && !failedToStart(status)
    }

    /// Waiting reasons of a container whose start the kubelet gave up: the runtime failed, or a
    /// hook around the start did (the kubelet's own pre-start step, the pod's postStart hook).
    static let startWaitingReasons: Set<String> = ["RunContainerError", "CreateContainerError", "PreStartHookError", "PostStartHookError"]

    static func failedToStart(_ status: ContainerStatus) -> Bool {
        if let reason = status.state?.waiting?.reason, startWaitingReasons.contains(reason) { return true }
        return status.lastState?.terminated?.reason.map(startFailureReasons.contains) ?? false
    }

    /// Crash-looping, or stopped with a non-zero exit code.
    static func hasFailed(_ status: ContainerStatus) -> Bool {
        isCrashLooping(status) || (status.state?.terminated.map { $0.exitCode != 0 } ?? false)
    }

    static func wasOOMKilled(_ status: ContainerStatus) -> Bool {
        status.lastState?.terminated?.reason == "OOMKilled" || status.state?.terminated?.reason == "OOMKilled"
    }

    static let imagePullReasons: Set<String> = ["ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull"]
}
