import HealModel

/// Labels and annotations of the objects findings are about (their object and owner), by
/// reference: what `-l`, suppression rules and the ignore annotation look up. Only those objects
/// are kept, so a diagnosis does not copy the metadata of every event and pod it read.
struct ObjectLabels {
    private let metadata: [ResourceRef: ObjectMeta]

    init(_ snapshot: ClusterSnapshot, findings: [Finding]) {
        let refs = Set(findings.flatMap(Self.refs))
        let kinds = Set(refs.map(\.kind))
        var metadata: [ResourceRef: ObjectMeta] = [:]
        for kind in ResourceKind.allCases where kinds.contains(kind.kind) {
            for meta in snapshot.metadata(of: kind) {
                let ref = meta.ref(kind: kind.kind)
                if refs.contains(ref) { metadata[ref] = meta }
            }
        }
        self.metadata = metadata
    }

    /// Whether the finding's object or its owner workload carries labels the selector matches.
    func match(_ selector: LabelSelectorExpression, _ finding: Finding) -> Bool {
        Self.refs(of: finding).contains { ref in metadata[ref].map { selector.matches($0.labels) } ?? false }
    }

    /// The value of annotation `key` on the object, if it has one.
    func annotation(_ key: String, of ref: ResourceRef) -> String? {
        metadata[ref]?.annotations[key]
    }

    private static func refs(of finding: Finding) -> [ResourceRef] {
        [finding.resource, finding.owner].compactMap { $0 }
    }
}
