import HealAnalysis

/// Why one healing step could not even be tried. The loop reports it against the incident
/// (and records a failed attempt where something was attempted); it never ends a watch.
package enum HealError: Error, Sendable, Equatable {
    case unexpectedObject(ResourceRef, reason: String)
    /// `--env NAME=secret:S/KEY` naming a Secret/ConfigMap or key that does not exist.
    case envSourceMissing(variable: String, source: String, reason: String)
    /// No ReplicaSet holds the revision a rollback wants.
    case revisionMissing(ResourceRef, revision: String)
    /// Between the read a change was planned from and its write, someone else changed the
    /// fields it changes; nothing was overwritten. `writer`: who, from `managedFields`.
    case conflictingChange(ResourceRef, fields: String, writer: String?)
    /// Every write was answered 409 Conflict, through all bounded retries.
    case conflictsPersisted(ResourceRef, attempts: Int)
    /// A write was sent, its answer was lost, and the object could not be read to tell whether
    /// it landed (the API server stayed away).
    /// `base`: the template it was written over (what a later restore goes back to).
    case writeOutcomeUnknown(ResourceRef, reason: String, base: JSONValue)

    /// Refusals that mean "someone else is changing this object" (exit 75).
    package var isConflict: Bool {
        switch self {
        case .conflictingChange, .conflictsPersisted: true
        default: false
        }
    }

    package var message: String {
        switch self {
        case .unexpectedObject(let ref, let reason):
            "\(ref.kind.lowercased())/\(ref.name) in namespace \(ref.namespace ?? "default") cannot be changed: \(reason)"
        case .envSourceMissing(let variable, let source, let reason):
            "\(variable) should come from \(source), but \(reason)"
        case .revisionMissing(let ref, let revision):
            "deployment/\(ref.name) has no ReplicaSet for revision \(revision) any more (revisionHistoryLimit), so it cannot be rolled back to it"
        case .conflictingChange(let ref, let fields, let writer):
            "\(ref.kind.lowercased())/\(ref.name) in namespace \(ref.namespace ?? "default") was changed by \(writer ?? "someone else") since kubectl-heal read it (\(fields)); nothing was overwritten"
        case .writeOutcomeUnknown(let ref, let reason, _):
            "the change to \(ref.kind.lowercased())/\(ref.name) in namespace \(ref.namespace ?? "default") was sent, but whether it landed is unknown (\(reason)); the next --fix run checks it"
        case .conflictsPersisted(let ref, let attempts):
            "\(ref.kind.lowercased())/\(ref.name) in namespace \(ref.namespace ?? "default") kept changing: \(attempts) writes in a row were answered 409 Conflict; nothing was overwritten"
        }
    }

    package var hint: String {
        switch self {
        case .unexpectedObject: "read it with kubectl get -o yaml and fix it by hand"
        case .envSourceMissing: "create it first (kubectl create secret generic …) or name an existing one with --env NAME=secret:SECRET/KEY"
        case .revisionMissing: "see kubectl rollout history deployment/NAME and fix the current revision instead"
        case .conflictingChange: "see what changed with kubectl get deployment/NAME -o yaml --show-managed-fields, then run kubectl heal again"
        case .writeOutcomeUnknown: "look at it with kubectl get -o yaml, or run kubectl heal diagnose --fix again once the API server answers"
        case .conflictsPersisted: "something writes this object continuously; find it (kubectl get -o yaml --show-managed-fields) and run kubectl heal again"
        }
    }
}
