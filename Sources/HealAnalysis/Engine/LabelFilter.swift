import HealModel

/// `-l`: keeps the findings about objects carrying the labels — the object itself or its owner
/// workload. Applied to findings rather than to what is read, so that analysis still sees the
/// whole namespace: a Service labelled differently from its pods is judged against all of them.
struct LabelFilter {
    private let selector: LabelSelectorExpression
    private let labels: [ResourceRef: [String: String]]

    init(_ selector: LabelSelectorExpression, snapshot: ClusterSnapshot) {
        self.selector = selector
        var labels: [ResourceRef: [String: String]] = [:]
        for kind in ResourceKind.allCases {
            for meta in snapshot.metadata(of: kind) { labels[meta.ref(kind: kind.kind)] = meta.labels }
        }
        self.labels = labels
    }

    func keeps(_ finding: Finding) -> Bool {
        [finding.resource, finding.owner].compactMap { $0 }.contains { ref in
            labels[ref].map(selector.matches) ?? false
        }
    }
}
