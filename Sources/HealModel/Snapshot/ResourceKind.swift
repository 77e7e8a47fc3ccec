/// How the API server addresses a kind diagnose reads: group, version, plural, kind and the short
/// names kubectl accepts. Each kind's constant lives beside its model (`ResourceKind.pods` in
/// `Pod.swift`); `KindRegistry` lists them.
package struct ResourceKind: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The plural resource name used in API paths and RBAC rules.
    package let plural: String
    package let kind: String
    package let group: String
    package let version: String
    package let isNamespaced: Bool
    /// Writes to the object keep its `status`, which has a subresource of its own.
    package let hasStatusSubresource: Bool
    package let shortNames: [String]
    /// Listed and watched as PartialObjectMetadata: names, labels and times only. Secrets are,
    /// so that their data never leaves the API server.
    package let readsMetadataOnly: Bool
    /// Served only where its CustomResourceDefinitions are installed (Gateway API): a 404 means
    /// "not installed here", which is no error, and the server answers JSON only.
    package let installedByCRD: Bool

    package init(
        group: String, version: String, plural: String, kind: String, namespaced: Bool = true,
        statusSubresource: Bool = true, shortNames: [String] = [], metadataOnly: Bool = false, installedByCRD: Bool = false
    ) {
        self.group = group
        self.version = version
        self.plural = plural
        self.kind = kind
        self.isNamespaced = namespaced
        self.hasStatusSubresource = statusSubresource
        self.shortNames = shortNames
        self.readsMetadataOnly = metadataOnly
        self.installedByCRD = installedByCRD
    }

    /// Every registered kind, in registration order.
    package static var allCases: [ResourceKind] { KindRegistry.kinds }

    package var apiVersion: String {
        group.isEmpty ? version : "\(group)/\(version)"
    }

    /// "deployments.apps", "pods" — the form RBAC messages and kubectl use.
    package var groupResource: String {
        group.isEmpty ? plural : "\(plural).\(group)"
    }

    package var description: String { groupResource }

    package init?(kind: String) {
        guard let match = Self.allCases.first(where: { $0.kind == kind }) else { return nil }
        self = match
    }

    /// What a user may type, as kubectl accepts it: "po", "pod", "pods", "deploy",
    /// "deployment.apps", "svc", "hpa" …
    package init?(userInput: String) {
        let parts = userInput.lowercased().split(separator: ".", maxSplits: 1).map(String.init)
        guard let bare = parts.first else { return nil }
        // "deployments.apps" names the group too, and it must be the kind's own (events are
        // served by the core group and events.k8s.io alike).
        let group = parts.count == 2 ? parts[1] : nil
        let match = Self.allCases.first { kind in
            (kind.plural == bare || kind.kind.lowercased() == bare || kind.shortNames.contains(bare))
                && (group == nil || group == kind.group || (kind == .events && group == "events.k8s.io"))
        }
        guard let match else { return nil }
        self = match
    }

    // Identity is the API's: group and plural.
    package static func == (lhs: ResourceKind, rhs: ResourceKind) -> Bool {
        lhs.plural == rhs.plural && lhs.group == rhs.group
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(plural)
        hasher.combine(group)
    }

    package static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool {
        (lhs.plural, lhs.group) < (rhs.plural, rhs.group)
    }
}
