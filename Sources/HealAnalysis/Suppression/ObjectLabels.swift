import HealModel

/// Labels and annotations of every object in a snapshot, by reference: what `-l`, suppression
/// rules and the ignore annotation look up for a finding's object and its owner.
struct ObjectLabels {
    private let metadata: [ResourceRef: ObjectMeta]

    init(_ snapshot: ClusterSnapshot) {
        var metadata: [ResourceRef: ObjectMeta] = [:]
        for kind in ResourceKind.allCases {
            for meta in snapshot.metadata(of: kind) { metadata[meta.ref(kind: kind.kind)] = meta }
        }
        self.metadata = metadata
    }

    /// Whether the finding's object or its owner workload carries labels the selector matches.
    func match(_ selector: LabelSelectorExpression, _ finding: Finding) -> Bool {
        Self.refs(of: finding).contains { ref in metadata[ref].map { selector.matches($0.labels) } ?? false }
    }

    /// The first of the finding's object and owner annotated with `key`, and the value.
    func annotation(_ key: String, of finding: Finding) -> (ref: ResourceRef, value: String)? {
        for ref in Self.refs(of: finding) {
            if let value = metadata[ref]?.annotations[key] { return (ref, value) }
        }
        return nil
    }

    private static func refs(of finding: Finding) -> [ResourceRef] {
        [finding.resource, finding.owner].compactMap { $0 }
    }
}
