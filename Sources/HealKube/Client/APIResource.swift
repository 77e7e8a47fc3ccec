import HealModel

/// A resource addressed by group, version and plural name: the kinds diagnose reads
/// (`ResourceKind`) and the ones only mutating commands touch, such as Leases.
package struct APIResource: Sendable, Equatable {
    package var group: String
    package var version: String
    package var plural: String
    package var isNamespaced = true

    package init(group: String, version: String, plural: String) {
        self.group = group
        self.version = version
        self.plural = plural
    }

    package init(_ kind: ResourceKind) {
        group = kind.group
        version = kind.version
        plural = kind.plural
        isNamespaced = kind.isNamespaced
    }

    /// coordination.k8s.io/v1 Leases: the lock that lets one of several watchers act.
    package static let leases = APIResource(group: "coordination.k8s.io", version: "v1", plural: "leases")

    /// v1 ConfigMaps: the shared memory of fixes (`--store configmap://NS/NAME`).
    package static let configMaps = APIResource(group: "", version: "v1", plural: "configmaps")

    /// "leases.coordination.k8s.io", "events" — as RBAC names them.
    package var groupResource: String {
        group.isEmpty ? plural : "\(plural).\(group)"
    }

    package func collectionPath(namespace: String?) -> String {
        let prefix = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        guard isNamespaced, let namespace else { return "\(prefix)/\(plural)" }
        return "\(prefix)/namespaces/\(namespace)/\(plural)"
    }
}
