import HealModel

/// Whether Argo CD or Flux manages an object: their auto-sync would undo a change made by
/// hand, so mutating commands want `--force` for these.
package enum GitOpsOwnership {
    /// "Argo CD" or "Flux" with the marker that says so, or nil.
    package static func manager(of metadata: ObjectMeta) -> String? {
        for (key, tool) in markers {
            if let value = metadata.labels[key] ?? metadata.annotations[key] {
                return "\(tool) (\(key)=\(value))"
            }
        }
        return nil
    }

    /// Labels and annotations the tools write on what they apply. `app.kubernetes.io/instance`
    /// is left out: Helm writes it too, so it proves nothing.
    private static let markers: [(String, String)] = [
        ("argocd.argoproj.io/tracking-id", "Argo CD"),
        ("argocd.argoproj.io/instance", "Argo CD"),
        ("kustomize.toolkit.fluxcd.io/name", "Flux"),
        ("helm.toolkit.fluxcd.io/name", "Flux"),
    ]
}
