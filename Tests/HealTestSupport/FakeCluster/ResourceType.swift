import HealModel

/// A kind of stored object as URL paths name it (group + plural resource), with what the
/// cluster needs to serve it: its `kind`, `apiVersion` and whether it lives in namespaces.
struct ResourceType: Hashable, Sendable {
    let group: String
    let resource: String

    /// `pods`, `deployments.apps`: how Status messages name the resource.
    var qualifiedName: String { group.isEmpty ? resource : "\(resource).\(group)" }

    struct Info: Sendable {
        let kind: String
        let apiVersion: String
        let namespaced: Bool
        /// Writes to the main resource keep the stored `status` (it has its own subresource).
        let hasStatusSubresource: Bool
    }

    /// Every kind diagnose reads, as its registry describes it, and the kinds only other
    /// commands touch.
    private static let known: [ResourceType: Info] = {
        var known: [ResourceType: Info] = [
            ResourceType(group: "", resource: "configmaps"): Info("ConfigMap", "v1"),
            ResourceType(group: "", resource: "secrets"): Info("Secret", "v1"),
            ResourceType(group: "", resource: "endpoints"): Info("Endpoints", "v1"),
            ResourceType(group: "", resource: "namespaces"): Info("Namespace", "v1", namespaced: false, status: true),
            ResourceType(group: "events.k8s.io", resource: "events"): Info("Event", "events.k8s.io/v1"),
            ResourceType(group: "coordination.k8s.io", resource: "leases"): Info("Lease", "coordination.k8s.io/v1"),
        ]
        for kind in ResourceKind.allCases {
            known[ResourceType(group: kind.group, resource: kind.plural)] = Info(
                kind: kind.kind, apiVersion: kind.apiVersion, namespaced: kind.isNamespaced,
                hasStatusSubresource: kind.hasStatusSubresource)
        }
        return known
    }()

    static let pods = ResourceType(group: "", resource: "pods")
    static let services = ResourceType(group: "", resource: "services")
    static let events = ResourceType(group: "", resource: "events")
    static let deployments = ResourceType(group: "apps", resource: "deployments")
    static let replicaSets = ResourceType(group: "apps", resource: "replicasets")
    static let endpointSlices = ResourceType(group: "discovery.k8s.io", resource: "endpointslices")

    /// What is known about this type; for others, a guess from the path and the posted object.
    func info(version: String = "v1", posted: JSONValue? = nil) -> Info {
        if let info = Self.known[self] { return info }
        let kind = posted?["kind"]?.stringValue ?? String(resource.dropLast()).capitalized
        return Info(kind, group.isEmpty ? version : "\(group)/\(version)")
    }

    /// The type of an object read from a file, by its `kind` and `apiVersion`.
    init(kind: String, apiVersion: String) {
        let group = apiVersion.contains("/") ? String(apiVersion.split(separator: "/")[0]) : ""
        if let entry = Self.known.first(where: { $0.key.group == group && $0.value.kind == kind }) {
            self = entry.key
        } else {
            self.init(group: group, resource: kind.lowercased() + "s")
        }
    }

    init(group: String, resource: String) {
        self.group = group
        self.resource = resource
    }
}

extension ResourceType.Info {
    init(_ kind: String, _ apiVersion: String, namespaced: Bool = true, status: Bool = false) {
        self.init(kind: kind, apiVersion: apiVersion, namespaced: namespaced, hasStatusSubresource: status)
    }
}

/// Where one object is stored: its type, namespace (nil when cluster-scoped) and name.
struct ObjectKey: Hashable, Sendable, Comparable {
    let type: ResourceType
    let namespace: String?
    let name: String

    /// The etcd order lists come in: by namespace, then name.
    static func < (left: ObjectKey, right: ObjectKey) -> Bool {
        (left.namespace ?? "", left.name) < (right.namespace ?? "", right.name)
    }
}
