import HealModel

/// The guard rails every change to a workload shares: kube-system only when named with -n, and
/// objects Argo CD or Flux manage only with --force (their sync would undo the change).
package enum ChangeGuard {
    /// Why the object must not be changed, or nil. `metadata` nil: not read, nothing to check.
    package static func refusal(namespace: String, namespaceNamed: Bool, metadata: ObjectMeta?, force: Bool) -> String? {
        if namespace == "kube-system" && !namespaceNamed {
            return "it is in kube-system, which kubectl-heal only changes when named with -n kube-system"
        }
        if !force, let metadata, let manager = GitOpsOwnership.manager(of: metadata) {
            return "it is managed by \(manager), whose sync would revert the change; fix it in Git, or pass --force"
        }
        return nil
    }
}
