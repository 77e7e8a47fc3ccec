import HealModel

/// Which Secrets exist, by namespace, for the checks that a name refers to one. Secrets are read
/// as metadata only, so names are all there is; without them read, those checks say nothing.
enum SecretNames {
    static func byNamespace(_ snapshot: ClusterSnapshot) -> [String: Set<String>]? {
        guard snapshot.collected.contains(.secrets) else { return nil }
        return Dictionary(grouping: snapshot.secrets) { $0.metadata.namespace ?? "" }.mapValues { Set($0.map(\.metadata.name)) }
    }

    /// "Secrets in demo: a, b, c and 4 more".
    static func evidence(_ names: Set<String>, namespace: String, object: ResourceRef) -> Evidence {
        let shown = names.sorted().prefix(8)
        let more = names.count > shown.count ? " and \(names.count - shown.count) more" : ""
        return Evidence(.status, "Secrets in \(namespace): \(names.isEmpty ? "none" : Wording.list(Array(shown)) + more)", object: object)
    }
}
