import HealModel

/// Applies what the user asked to leave out: the `heal.kubectl.io/ignore` annotation on an
/// object or its owner, then `--ignore`, then the config file's rules; then re-grades what is
/// left by the config file's severity rules. The first rule that matches is the one reported.
struct Suppressor {
    let rules: SuppressionRules
    let labels: ObjectLabels

    func apply(to findings: [Finding]) -> (kept: [Finding], suppressed: [SuppressedFinding]) {
        var kept: [Finding] = []
        var suppressed: [SuppressedFinding] = []
        for var finding in findings {
            if let suppression = suppression(of: finding) {
                suppressed.append(SuppressedFinding(finding: finding, suppressedBy: suppression))
                continue
            }
            if let override = rules.severity.first(where: { $0.rule.matches(finding, labels: labels) }), override.severity != finding.severity {
                finding.severityOverride = SeverityOverride(original: finding.severity, reason: override.rule.reason, location: override.rule.location)
                finding.severity = override.severity
            }
            kept.append(finding)
        }
        return (kept, suppressed)
    }

    private func suppression(of finding: Finding) -> SuppressedFinding.Suppression? {
        if let (ref, value) = labels.annotation(ObjectMeta.ignoreAnnotation, of: finding), Self.annotation(value, names: finding.code) {
            return .init(source: .annotation, reason: "annotated \(ObjectMeta.ignoreAnnotation): \"\(value)\"", location: ref.description)
        }
        guard let rule = rules.ignore.first(where: { $0.matches(finding, labels: labels) }) else { return nil }
        return .init(source: rule.origin == .flag ? .flag : .config, reason: rule.reason, location: rule.location)
    }

    /// `"*"` or a comma-separated list of codes, spaces allowed.
    static func annotation(_ value: String, names code: String) -> Bool {
        value.split(separator: ",").map { $0.filter { !$0.isWhitespace } }.contains { $0 == FindingRule.anyCode || $0 == code }
    }
}
