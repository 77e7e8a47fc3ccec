/// The kubectl command equivalent to a remediation, for people who apply fixes by hand.
enum KubectlCommand {
    static func setImage(_ workload: ResourceRef, container: String, image: String) -> String {
        "kubectl\(namespaceFlag(workload)) set image \(workload.typeAndName) \(container)=\(image)"
    }

    static func setMemoryLimit(_ workload: ResourceRef, container: String, limit: String) -> String {
        "kubectl\(namespaceFlag(workload)) set resources \(workload.typeAndName) -c \(container) --limits=memory=\(limit)"
    }

    static func rollback(_ workload: ResourceRef, toRevision revision: Int) -> String {
        "kubectl\(namespaceFlag(workload)) rollout undo \(workload.typeAndName) --to-revision=\(revision)"
    }

    static func setEnv(_ workload: ResourceRef, container: String, names: [String]) -> String {
        let assignments = names.map { "\($0)=<value>" }.joined(separator: " ")
        return "kubectl\(namespaceFlag(workload)) set env \(workload.typeAndName) -c \(container) \(assignments)"
    }

    static func deletePod(_ pod: ResourceRef) -> String {
        "kubectl\(namespaceFlag(pod)) delete pod \(pod.name)"
    }

    /// " -n NAMESPACE", or nothing for cluster-scoped objects.
    static func namespaceFlag(_ ref: ResourceRef) -> String {
        ref.namespace.map { " -n \($0)" } ?? ""
    }
}
