import HealAnalysis

/// Why one healing step could not even be tried. The loop reports it against the incident
/// (and records a failed attempt where something was attempted); it never ends a watch.
package enum HealError: Error, Sendable, Equatable {
    case unexpectedObject(ResourceRef, reason: String)
    /// `--env NAME=secret:S/KEY` naming a Secret/ConfigMap or key that does not exist.
    case envSourceMissing(variable: String, source: String, reason: String)
    /// No ReplicaSet holds the revision a rollback wants.
    case revisionMissing(ResourceRef, revision: String)

    package var message: String {
        switch self {
        case .unexpectedObject(let ref, let reason):
            "\(ref.kind.lowercased())/\(ref.name) in namespace \(ref.namespace ?? "default") cannot be changed: \(reason)"
        case .envSourceMissing(let variable, let source, let reason):
            "\(variable) should come from \(source), but \(reason)"
        case .revisionMissing(let ref, let revision):
            "deployment/\(ref.name) has no ReplicaSet for revision \(revision) any more (revisionHistoryLimit), so it cannot be rolled back to it"
        }
    }

    package var hint: String {
        switch self {
        case .unexpectedObject: "read it with kubectl get -o yaml and fix it by hand"
        case .envSourceMissing: "create it first (kubectl create secret generic …) or name an existing one with --env NAME=secret:SECRET/KEY"
        case .revisionMissing: "see kubectl rollout history deployment/NAME and fix the current revision instead"
        }
    }
}
