import HealAnalysis

/// Which ReplicaSet runs a Deployment's pod template: the deployment controller copies the
/// template into the ReplicaSet and adds only the `pod-template-hash` label, so equality
/// without that label (empty maps and lists counting as absent) identifies it — the
/// controller's own `EqualIgnoreHash`. The hash itself cannot be recomputed client-side.
package enum PodTemplateMatch {
    static let hashLabel = "pod-template-hash"

    package static func runs(_ template: JSONValue?, replicaSetTemplate: JSONValue?) -> Bool {
        guard let template, let replicaSetTemplate else { return false }
        return withoutHash(replicaSetTemplate).pruned == template.pruned
    }

    /// A ReplicaSet's template as the Deployment held it (what `kubectl rollout undo` writes back).
    static func withoutHash(_ template: JSONValue) -> JSONValue {
        guard case .object(var members) = template, case .object(var metadata)? = members["metadata"],
            case .object(var labels)? = metadata["labels"]
        else { return template }
        labels[hashLabel] = nil
        metadata["labels"] = .object(labels)
        members["metadata"] = .object(metadata)
        return .object(members)
    }
}

extension JSONValue {
    /// Without nulls, empty objects and empty lists, at any depth: the API omits them, so they
    /// say nothing about whether two templates differ.
    var pruned: JSONValue {
        switch self {
        case .object(let members):
            return .object(members.compactMapValues { value in
                let pruned = value.pruned
                return pruned.isEmpty ? nil : pruned
            })
        case .array(let items):
            return .array(items.map(\.pruned))
        default:
            return self
        }
    }

    private var isEmpty: Bool {
        switch self {
        case .null: true
        case .object(let members): members.isEmpty
        case .array(let items): items.isEmpty
        default: false
        }
    }
}
