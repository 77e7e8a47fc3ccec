import HealModel

/// Applies what the user asked to leave out: the `heal.kubectl.io/ignore` annotation, then
/// `--ignore`, then the config file's rules; then re-grades what is left by the config file's
/// severity rules. The first rule that matches is the one reported.
struct Suppressor {
    let rules: SuppressionRules
    let labels: ObjectLabels
    let index: SnapshotIndex

    func apply(to findings: [Finding]) -> (kept: [Finding], suppressed: [SuppressedFinding]) {
        var kept: [Finding] = []
        var suppressed: [SuppressedFinding] = []
        for var finding in findings {
            if let suppression = suppression(of: finding) {
                suppressed.append(SuppressedFinding(finding: finding, suppressedBy: suppression))
                continue
            }
            if let override = rules.severity.first(where: { $0.rule.matches(finding, labels: labels) }), override.severity != finding.severity {
                finding.severityOverride = SeverityOverride(
                    original: finding.severity, reason: SecretScrubber.scrub(override.rule.reason), location: override.rule.location)
                finding.severity = override.severity
            }
            kept.append(finding)
        }
        return (kept, suppressed)
    }

    private func suppression(of finding: Finding) -> SuppressedFinding.Suppression? {
        if let suppression = annotationSuppression(of: finding) { return suppression }
        guard let rule = rules.ignore.first(where: { $0.matches(finding, labels: labels) }) else { return nil }
        return .init(source: rule.origin == .flag ? .flag : .config, reason: SecretScrubber.scrub(rule.reason), location: rule.location)
    }

    /// The annotation on the owner workload, or on the object itself. A finding about the pods
    /// of a workload counts a pod's annotation only when every pod of the workload carries it
    /// (a pod template annotation): one hand-annotated pod must not hide what its siblings show.
    private func annotationSuppression(of finding: Finding) -> SuppressedFinding.Suppression? {
        let key = ObjectMeta.ignoreAnnotation
        if let owner = finding.owner, let value = labels.annotation(key, of: owner), Self.annotation(value, names: finding.code) {
            return Self.annotated(owner.description, value)
        }
        if finding.resource.kind == "Pod", let owner = finding.owner {
            let values = index.pods(of: owner).map { $0.metadata.annotations[key] }
            guard let first = values.first ?? nil, values.allSatisfy({ $0.map { Self.annotation($0, names: finding.code) } ?? false }) else { return nil }
            return Self.annotated("every pod of \(owner)", first)
        }
        guard let value = labels.annotation(key, of: finding.resource), Self.annotation(value, names: finding.code) else { return nil }
        return Self.annotated(finding.resource.description, value)
    }

    private static func annotated(_ location: String, _ value: String) -> SuppressedFinding.Suppression {
        .init(source: .annotation, reason: SecretScrubber.scrub("annotated \(ObjectMeta.ignoreAnnotation): \"\(value)\""), location: location)
    }

    /// `"*"` or a comma-separated list of codes, spaces allowed.
    static func annotation(_ value: String, names code: String) -> Bool {
        value.split(separator: ",").map { $0.filter { !$0.isWhitespace } }.contains { $0 == FindingRule.anyCode || $0 == code }
    }
}
