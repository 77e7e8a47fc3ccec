import HealModel

/// Which findings a suppression or severity rule is about: codes, namespaces and a label
/// selector on the object or its owner, all of which must match. Every rule carries why it
/// exists, so a quiet report can still be audited.
package struct FindingRule: Sendable, Equatable {
    /// Every code.
    package static let anyCode = "*"

    package enum Origin: Sendable, Equatable {
        /// `--ignore`.
        case flag
        /// A rule of the config file, at this line.
        case configFile(path: String, line: Int?)
    }

    /// Finding codes, or `anyCode`.
    package var codes: Set<String>
    /// Empty: every namespace (and the cluster-scoped objects).
    package var namespaces: [NamespacePattern]
    package var selector: LabelSelectorExpression?
    package var reason: String
    package var origin: Origin

    package init(codes: Set<String>, namespaces: [NamespacePattern] = [], selector: LabelSelectorExpression? = nil, reason: String, origin: Origin) {
        self.codes = codes
        self.namespaces = namespaces
        self.selector = selector
        self.reason = reason
        self.origin = origin
    }

    func matches(_ finding: Finding, labels: ObjectLabels) -> Bool {
        guard codes.contains(Self.anyCode) || codes.contains(finding.code) else { return false }
        if !namespaces.isEmpty {
            guard let namespace = finding.resource.namespace, namespaces.contains(where: { $0.matches(namespace) }) else { return false }
        }
        if let selector, !labels.match(selector, finding) { return false }
        return true
    }

    /// Where the rule was written, for the report: "--ignore" or ".kubectl-heal.yaml:7".
    var location: String {
        switch origin {
        case .flag: "--ignore"
        case .configFile(let path, let line): path + (line.map { ":\($0)" } ?? "")
        }
    }
}

/// Findings kept, but at another severity than the analyzer gave (`severity:` in the config file).
package struct SeverityRule: Sendable, Equatable {
    package var rule: FindingRule
    package var severity: Severity

    package init(rule: FindingRule, severity: Severity) {
        self.rule = rule
        self.severity = severity
    }
}

/// What the user asked to leave out of (or re-grade in) the report.
package struct SuppressionRules: Sendable, Equatable {
    package var ignore: [FindingRule]
    package var severity: [SeverityRule]

    package init(ignore: [FindingRule] = [], severity: [SeverityRule] = []) {
        self.ignore = ignore
        self.severity = severity
    }

    /// Every finding code the analyzers can report, for checking what a user typed.
    package static func knownCodes(in all: [any Analyzer] = AnalyzerRegistry.all) -> [String] {
        var seen = Set<String>()
        return all.flatMap(\.descriptor.codes).filter { seen.insert($0).inserted }
    }
}
