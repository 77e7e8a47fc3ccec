import HealAnalysis
import HealModel

/// A finding's facts as prompt text: what the rules found and the evidence behind it, bounded
/// so a noisy log cannot blow the prompt up. Raw text: the anonymizer masks it afterwards.
enum FindingBrief {
    static let maxEvidence = 20
    static let maxLineLength = 400

    static func text(_ finding: Finding) -> String {
        var lines = ["Finding: \(finding.code) (\(finding.severity.rawValue)), found by the \(finding.analyzer) analyzer"]
        var object = "Object: \(finding.resource.kind) \(finding.resource.name)"
        if let namespace = finding.resource.namespace { object += " in namespace \(namespace)" }
        if let owner = finding.owner, owner != finding.resource { object += ", owned by \(owner.kind) \(owner.name)" }
        if let container = finding.container { object += "; container \(container)" }
        if let pods = finding.pods, pods.count > 1 { object += "; \(pods.count) pods show it" }
        lines.append(object)
        lines.append("Symptom: \(steady(finding.symptom))")
        lines.append("Root cause according to the rules: \(steady(finding.rootCause))")
        if let seconds = finding.durationSeconds { lines.append("Lasting: \(lasting(seconds))") }
        if !finding.evidence.isEmpty {
            lines.append("Evidence:")
            for evidence in finding.evidence.prefix(maxEvidence) {
                let repeated = (evidence.count ?? 1) > 1 ? ", repeated" : ""
                lines.append("- [\(evidence.source.rawValue)\(repeated)] \(clipped(steady(evidence.text)))")
            }
            if finding.evidence.count > maxEvidence { lines.append("- (\(finding.evidence.count - maxEvidence) more not shown)") }
        }
        if let remediation = finding.remediation {
            lines.append("Remediation the rules propose: \(remediation.summary)")
            if let command = remediation.command { lines.append("Command: \(command)") }
        }
        return lines.joined(separator: "\n")
    }

    /// How long, coarsely: an exact age would change the prompt every minute, and with it the
    /// answer cache's key, while telling the model little more.
    static func lasting(_ seconds: Int) -> String {
        switch seconds {
        case ..<600: "a few minutes"
        case ..<3600: "under an hour"
        case ..<86_400: "hours"
        default: "days"
        }
    }

    /// Restart counts said without the number: a crash loop adds one every few minutes, which
    /// would change the prompt (and the cache key) while the problem stays the same.
    static func steady(_ text: String) -> String {
        text.replacing(/\b[0-9]+ restarts\b/) { _ in "repeated restarts" }
            .replacing(/restarted [0-9]+ times/) { _ in "restarted repeatedly" }
    }

    static func clipped(_ text: String) -> String {
        let single = text.replacingOccurrences(of: "\n", with: " ⏎ ")
        return single.count > maxLineLength ? String(single.prefix(maxLineLength)) + "…" : single
    }
}
