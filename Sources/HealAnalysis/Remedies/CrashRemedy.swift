import HealModel

/// The remediation for a crashing container, chosen from the cause: more memory after an OOM
/// kill, a rollback when the newest rollout brought the crash, the missing variables, or a
/// description of what a person must change.
enum CrashRemedy {
    static let postStartHookFix =
        "Fix the postStart hook (its command, or the endpoint it calls, which may not be up yet that early), or remove it; the container is killed each time it fails."

    static func remediation(for cause: CrashCause, pod: Pod, container: String, rollout: RolloutChange?, factory: PodFindingFactory) -> Remediation {
        let target = factory.patchTarget(for: pod)
        if cause.code == "oom-killed", let raise = raiseMemory(pod: pod, container: container, target: target) {
            return raise
        }
        if let rollout {
            return Remediation(
                action: .rollback,
                summary: "Roll \(rollout.workload.typeAndName) back to revision \(rollout.previousRevision), which still serves; then fix revision \(rollout.newRevision) before rolling forward.",
                // The missing variables stay known: values the user supplies fix the new revision instead.
                parameters: ["revision": String(rollout.previousRevision)]
                    .merging(cause.code == "missing-env-vars" && !cause.subjects.isEmpty ? ["names": cause.subjects.joined(separator: ",")] : [:]) { old, _ in old },
                command: KubectlCommand.rollback(rollout.workload, toRevision: rollout.previousRevision),
                safeToAutoApply: true)
        }
        switch cause.code {
        case "missing-env-vars" where !cause.subjects.isEmpty:
            let secretLike = cause.subjects.filter { $0.contains(Self.secretLikeName) }
            let fromSecret = secretLike.isEmpty ? "" : " Take \(Wording.list(secretLike)) from a Secret (kubectl set env --from=secret/NAME), never a literal."
            return Remediation(
                action: .setEnv,
                summary: "Set \(Wording.list(cause.subjects)) on container \(container) with the values the application needs.\(fromSecret)",
                parameters: ["container": container, "names": cause.subjects.joined(separator: ",")],
                command: KubectlCommand.setEnv(target, container: container, names: cause.subjects),
                safeToAutoApply: false)
        case "oom-killed":
            return manual("Set a memory limit and request for container \(container) above its peak usage.")
        case "dependency-connection-refused":
            return manual("Make the dependency reachable (check its pods and Service endpoints) or correct the address the application uses; consider a startup retry or an init container that waits for it.")
        case "permission-denied":
            return manual("Run the container as a user that may access the path (securityContext.runAsUser / fsGroup) or fix the volume's ownership.")
        case "missing-file":
            return manual("Mount the ConfigMap, Secret or volume that provides the file at that path, or point the application at the right path.")
        case "exec-format-error":
            return manual("Use an image built for the node's architecture (or a multi-architecture image).")
        case "jvm-out-of-memory":
            return manual("Raise the JVM heap (-Xmx or -XX:MaxRAMPercentage) and the container memory limit together.")
        case "post-start-hook-failed":
            return manual(postStartHookFix)
        case "liveness-probe-restarts":
            return manual("Fix the liveness probe (path, port, timeoutSeconds, initialDelaySeconds) or the endpoint it checks; a liveness probe should only fail when a restart helps.")
        default:
            return manual("Read the container's log (kubectl logs --previous) and fix the error it reports.")
        }
    }

    private static func raiseMemory(pod: Pod, container: String, target: ResourceRef) -> Remediation? {
        // A pod's resources are fixed once created; only a template can take the new limit.
        guard ContainerPatch.templatedKinds.contains(target.kind),
            let current = pod.container(named: container)?.resources?.limits["memory"]
        else { return nil }
        let next = Quantity.formatBytes(MemoryBump.next(after: current.value))
        let resources: JSONValue = .object(["limits": .object(["memory": .string(next)])])
        guard let patch = ContainerPatch.patch(target, container: container, fields: ["resources": resources]) else { return nil }
        return Remediation(
            action: .raiseMemoryLimit,
            summary: "Raise the memory limit of container \(container) from \(current.text) to \(next) (max of +100Mi and ×1.2).",
            parameters: ["container": container, "from": current.text, "to": next],
            patch: patch,
            command: KubectlCommand.setMemoryLimit(target, container: container, limit: next),
            safeToAutoApply: true)
    }

    static func manual(_ summary: String) -> Remediation {
        Remediation(action: .manual, summary: summary, safeToAutoApply: false)
    }

    // Built once: a Swift regex literal evaluated in a function is rebuilt and recompiled on every call.
    nonisolated(unsafe) private static let secretLikeName = #/(?i)pass|secret|token|key|credential/#
}
