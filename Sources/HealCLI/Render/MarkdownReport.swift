import Foundation
import HealAnalysis
import HealModel

/// Markdown for pull-request comments, tickets and chat: a summary table, then one section per
/// finding with its evidence and the fix (command and patch).
enum MarkdownReport {
    static func render(_ report: DiagnosisReport) throws -> String {
        var text = "# kubectl heal diagnose\n\n\(report.summary.text)\n\n"
        guard let clusters = report.metadata.clusters else { return text + (try findings(report.findings, heading: "##")) + suppressed(report) }
        // Several clusters: each one's summary and findings under its own heading.
        for cluster in clusters {
            text += "## Cluster `\(cluster.context)`\(cluster.server.map { " (\($0))" } ?? "")\n\n"
            if let error = cluster.error {
                text += "Not diagnosed — **\(error.reason)** (exit \(error.exitCode ?? 0)): \(error.message)\(error.hint.map { " Hint: \($0)." } ?? "")\n\n"
                continue
            }
            let own = report.findings.filter { $0.cluster == cluster.context }
            text += "\(cluster.summary?.text ?? "")\n\n" + (try findings(own, heading: "###"))
        }
        return text + suppressed(report)
    }

    /// The findings' table, then one section per finding under `heading`.
    private static func findings(_ findings: [Finding], heading: String) throws -> String {
        guard !findings.isEmpty else { return "" }
        var text = "| Severity | Resource | Code | Age | Root cause |\n|---|---|---|---|---|\n"
        for finding in findings {
            text += "| \(finding.severity.rawValue) | \(cell(finding.workloadPath)) | `\(finding.code)` | \(finding.ageText) | \(cell(finding.rootCause)) |\n"
        }
        for finding in findings {
            text += "\n\(heading) \(finding.severity.rawValue): \(finding.workloadPath) — `\(finding.code)`\n\n"
            text += "**Symptom:** \(finding.symptom)\n\n**Root cause:** \(finding.rootCause)\n\n"
            if let pods = finding.pods {
                text += "**Pods:** \(pods.count) (\(pods.sample.joined(separator: ", ")))\n\n"
            }
            if !finding.evidence.isEmpty {
                text += "**Evidence:**\n\n"
                for item in finding.evidence {
                    let time = item.time.map { " (\($0))" } ?? ""
                    let count = item.count.map { $0 > 1 ? " ×\($0)" : "" } ?? ""
                    text += "- \(item.source.rawValue): \(item.text)\(count)\(time)\n"
                }
                text += "\n"
            }
            if let explanation = finding.explanation {
                text += "**Explanation** (LLM \(explanation.model)): \(explanation.summary)\n\n"
                text += explanation.steps.enumerated().map { "\($0.offset + 1). \($0.element)\n" }.joined() + "\n"
            }
            if let remediation = finding.remediation {
                text += "**Fix** (\(remediation.action.rawValue)\(remediation.safeToAutoApply ? ", safe to apply automatically" : "")): \(remediation.summary)\n\n"
                if let command = remediation.command { text += "```sh\n\(command)\n```\n\n" }
                if let patch = remediation.patch {
                    text += "\(patch.type.rawValue) patch for \(patch.target.typeAndName):\n\n```json\n\(try ReportRenderer.json(patch.body))```\n\n"
                }
            }
        }
        return text
    }

    /// What was left out, and who asked: a reviewer sees it in the same comment.
    private static func suppressed(_ report: DiagnosisReport) -> String {
        guard !report.suppressed.isEmpty else { return "" }
        var text = "## Suppressed\n\n| Severity | Resource | Code | By | Reason |\n|---|---|---|---|---|\n"
        for item in report.suppressed {
            let by = item.suppressedBy
            text += "| \(item.finding.severity.rawValue) | \(cell(item.finding.workloadPath)) | `\(item.finding.code)` | \(by.source.rawValue) (\(cell(by.location))) | \(cell(by.reason)) |\n"
        }
        return text + "\n"
    }

    /// Text for a markdown table cell: its pipes escaped, on one line.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
