import HealAnalysis

/// Finds the workload a pod belongs to from its name alone, so that pods gone since (earlier
/// rollouts, replaced DaemonSet pods, StatefulSet pods that moved) still count for their
/// workload. A pod the workload runs now (`podNames`) is matched exactly; any other by the
/// name its controller gives pods:
///
/// | kind | pod name |
/// |---|---|
/// | Deployment | `NAME-<pod-template-hash>-<5 characters>` |
/// | StatefulSet | `NAME-<ordinal>` |
/// | DaemonSet, ReplicaSet, Job | `NAME-<5 characters>` |
/// | CronJob | `NAME-<scheduled minute>-<5 characters>` |
///
/// When several workloads fit (Deployment `web` and DaemonSet `web-7d4b9c8f6d` both fit pod
/// `web-7d4b9c8f6d-x2k4p`), the longest name wins: it explains more of the pod's name.
struct PodOwnerIndex {
    private var current: [String: ResourceRef] = [:]
    private var byName: [String: [ResourceRef]] = [:]

    /// `workloads` of one namespace.
    init(workloads: [WorkloadResources]) {
        for workload in workloads {
            for pod in workload.podNames { current[pod] = workload.ref }
            byName[workload.ref.name, default: []].append(workload.ref)
        }
    }

    /// The workload container a series' `pod` and `container` labels name.
    func container(labels: [String: String]) -> ContainerOfWorkload? {
        guard let pod = labels["pod"], let container = labels["container"], let owner = owner(ofPod: pod) else { return nil }
        return ContainerOfWorkload(workload: owner, container: container)
    }

    func owner(ofPod pod: String) -> ResourceRef? {
        if let owner = current[pod] { return owner }
        var best: ResourceRef?
        for candidate in Self.candidates(pod) {
            for workload in byName[candidate.name, default: []] where candidate.kinds.contains(workload.kind) {
                if let current = best, current.name.count > workload.name.count || (current.name.count == workload.name.count && current < workload) {
                    continue
                }
                best = workload
            }
        }
        return best
    }

    /// Names of the workloads whose pods could be called `pod`, with the kinds that name their
    /// pods that way.
    private static func candidates(_ pod: String) -> [(name: String, kinds: Set<String>)] {
        let parts = pod.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, let last = parts.last else { return [] }
        let lastName = parts.dropLast().joined(separator: "-")
        var candidates: [(name: String, kinds: Set<String>)] = []
        if isDigits(last) {
            candidates.append((lastName, ["StatefulSet"]))
        }
        guard isAlphanumeric(last, count: 5...5) else { return candidates }
        candidates.append((lastName, ["DaemonSet", "ReplicaSet", "Job"]))
        if parts.count >= 3 {
            let middle = parts[parts.count - 2]
            let name = parts.dropLast(2).joined(separator: "-")
            if isAlphanumeric(middle, count: 1...10) { candidates.append((name, ["Deployment"])) }
            if isDigits(middle) { candidates.append((name, ["CronJob"])) }
        }
        return candidates
    }

    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (48...57).contains($0) }
    }

    /// Lower-case letters and digits: the characters of generated name suffixes and hashes.
    private static func isAlphanumeric(_ text: Substring, count: ClosedRange<Int>) -> Bool {
        count.contains(text.utf8.count) && text.utf8.allSatisfy { (48...57).contains($0) || (97...122).contains($0) }
    }
}
