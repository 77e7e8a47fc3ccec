import HealModel

/// What the caller asks of a diagnosis, beyond the snapshot.
package struct DiagnosisOptions: Sendable {
    /// Analyzer ids or group names to run; nil runs every analyzer enabled by default.
    package var analyzers: Set<String>?
    /// Adds the hygiene analyzers (advice at info severity) to the selection.
    package var includeHygiene: Bool
    /// Hides problems that began less than this many seconds ago.
    package var minimumAgeSeconds: Double?
    /// Restricts the report to these objects (`TYPE/NAME` arguments) and what they own.
    package var targets: [ResourceTarget]
    /// Restricts the report to findings about objects (or owners) carrying these labels (`-l`).
    package var labelSelector: LabelSelectorExpression?
    /// `--ignore` and the config file's rules; the ignore annotation applies whatever this says.
    package var suppression: SuppressionRules
    /// Findings made from usage history before the diagnosis (`--anomalies`): folded, filtered,
    /// suppressed and counted with the analyzers' own.
    package var historyFindings: [Finding] = []

    package init(
        analyzers: Set<String>? = nil, includeHygiene: Bool = false, minimumAgeSeconds: Double? = nil,
        targets: [ResourceTarget] = [], labelSelector: LabelSelectorExpression? = nil, suppression: SuppressionRules = SuppressionRules()
    ) {
        self.analyzers = analyzers
        self.includeHygiene = includeHygiene
        self.minimumAgeSeconds = minimumAgeSeconds
        self.targets = targets
        self.labelSelector = labelSelector
        self.suppression = suppression
    }

    /// The analyzers this selection runs, in registry order. Unknown names are the caller's
    /// job to reject (see `unknownAnalyzerNames`).
    package func selectedAnalyzers(from all: [any Analyzer] = AnalyzerRegistry.all) -> [any Analyzer] {
        all.filter { analyzer in
            let descriptor = analyzer.descriptor
            if let analyzers {
                return analyzers.contains(descriptor.id) || analyzers.contains(descriptor.group.rawValue)
                    || (includeHygiene && descriptor.group == .hygiene)
            }
            return descriptor.enabledByDefault || (includeHygiene && descriptor.group == .hygiene)
        }
    }

    /// What `--analyzers` accepts: every analyzer id in registry order, then the group names.
    package static func knownAnalyzerNames(in all: [any Analyzer] = AnalyzerRegistry.all) -> [String] {
        all.map(\.descriptor.id) + AnalyzerDescriptor.Group.allCases.map(\.rawValue)
    }

    /// Names given to `--analyzers` that are neither an analyzer id nor a group.
    package static func unknownAnalyzerNames(_ names: Set<String>, in all: [any Analyzer] = AnalyzerRegistry.all) -> [String] {
        names.subtracting(knownAnalyzerNames(in: all)).sorted()
    }
}

/// `deployment/web`, `svc/api`, `pod/x` as given on the command line.
package struct ResourceTarget: Sendable, Equatable {
    package var kind: ResourceKind
    package var name: String

    package init(kind: ResourceKind, name: String) {
        self.kind = kind
        self.name = name
    }

    package func matches(_ ref: ResourceRef?) -> Bool {
        guard let ref else { return false }
        return ref.kind == kind.kind && ref.name == name
    }
}
