import HealAnalysis
import HealModel

/// `-o html`: one self-contained page to attach to a ticket or open from CI artifacts. The
/// summary and health score, then the findings grouped by namespace and owner with severity
/// colours, evidence and patches that open on a click (`<details>`, so no script is needed),
/// the fix commands, what was suppressed and what could not be read. The content security
/// policy forbids every fetch: the page never touches the network.
enum HTMLReport {
    static func render(_ report: DiagnosisReport) throws -> String {
        var body = summary(report.summary)
        if let clusters = report.metadata.clusters {
            // Several clusters: each one's summary and findings in a section of its own.
            for cluster in clusters {
                body += "<section class=\"cluster\" data-cluster=\"\(e(cluster.context))\">\n<h2>Cluster \(e(cluster.context))</h2>\n"
                if let error = cluster.error {
                    body += "<p class=\"cluster-error\" data-exit-code=\"\(error.exitCode ?? 0)\">Not diagnosed — \(e(error.reason)): \(e(error.message))"
                        + "\(error.hint.map { " Hint: \(e($0))." } ?? "")</p>\n"
                } else {
                    body += (cluster.summary.map(summary) ?? "") + (try namespaces(report.findings.filter { $0.cluster == cluster.context }))
                }
                body += "</section>\n"
            }
        } else {
            body += try namespaces(report.findings)
        }
        body += suppressed(report.suppressed) + errors(report.errors)
        return HTMLPage.document(
            title: "kubectl heal diagnose — \(report.summary.text)", heading: "kubectl heal diagnose", subtitle: source(report.metadata), body: body,
            footer: "Generated \(report.metadata.generatedAt.description) · \(report.apiVersion) \(report.kind)")
    }

    /// The findings grouped by namespace, then owner.
    private static func namespaces(_ findings: [Finding]) throws -> String {
        var body = ""
        for namespace in groups(findings) {
            body += "<section class=\"namespace\" data-namespace=\"\(e(namespace.name))\">\n<h2>\(e(namespace.title))</h2>\n"
            for workload in namespace.workloads {
                body += "<article class=\"workload\">\n<h3>\(e(workload.ref.kind)) \(e(workload.ref.name))</h3>\n"
                for finding in workload.findings { body += try self.finding(finding) }
                body += "</article>\n"
            }
            body += "</section>\n"
        }
        return body
    }

    private static func e(_ text: String) -> String {
        MarkupText.escape(text)
    }

    private static func source(_ metadata: DiagnosisReport.Metadata) -> String {
        let origin = metadata.source.type == "snapshot"
            ? "snapshot \(metadata.source.path ?? "")"
            : metadata.clusters.map { "contexts " + $0.map(\.context).joined(separator: ", ") }
                ?? "context \(metadata.source.context ?? "-") (\(metadata.source.server ?? "-"))"
        let scope = metadata.namespaces.map { "namespaces " + $0.joined(separator: ", ") } ?? "all namespaces"
        return "\(origin) · \(scope) · as of \(metadata.referenceTime)"
    }

    private static func summary(_ summary: DiagnosisSummary) -> String {
        let grade = summary.healthScore >= 90 ? "good" : summary.healthScore >= 60 ? "fair" : "poor"
        let counts: [(String, Int)] = [("critical", summary.critical), ("warning", summary.warning), ("info", summary.info), ("suppressed", summary.suppressed)]
        return """
            <section class="summary" data-findings="\(summary.findings)" data-critical="\(summary.critical)" data-warning="\(summary.warning)" data-info="\(summary.info)" data-suppressed="\(summary.suppressed)">
            <div class="score \(grade)"><span class="value">\(summary.healthScore)</span><span class="label">health score</span></div>
            <ul class="counts">
            \(counts.map { "<li class=\"\($0.0)\"><span class=\"value\">\($0.1)</span> \($0.0)</li>" }.joined(separator: "\n"))
            <li class="resources"><span class="value">\(summary.healthyResources)/\(summary.resources)</span> resources healthy</li>
            </ul>
            <p class="text">\(e(summary.text))</p>
            </section>

            """
    }

    private static func finding(_ finding: Finding) throws -> String {
        let severity = finding.severity.rawValue
        var html = "<div class=\"finding \(severity)\" data-code=\"\(e(finding.code))\">\n"
        html += "<p class=\"headline\"><span class=\"badge \(severity)\">\(severity)</span> <code>\(e(finding.code))</code>"
        html += " <span class=\"age\">\(e(finding.ageText))</span>"
        if let container = finding.container { html += " <span class=\"container\">container \(e(container))</span>" }
        if let pods = finding.pods { html += " <span class=\"pods\">\(pods.count) pod\(pods.count == 1 ? "" : "s")</span>" }
        html += "</p>\n<p class=\"cause\">\(e(finding.rootCause))</p>\n<p class=\"symptom\">\(e(finding.symptom))</p>\n"
        if let override = finding.severityOverride {
            html += "<p class=\"override\">Severity set from \(override.original.rawValue) by \(e(override.location)): \(e(override.reason))</p>\n"
        }
        if !finding.evidence.isEmpty {
            html += "<details class=\"evidence\"><summary>Evidence (\(finding.evidence.count))</summary>\n<ul>\n"
            for item in finding.evidence {
                let count = item.count.map { $0 > 1 ? " ×\($0)" : "" } ?? ""
                let time = item.time.map { " <time>\(e($0.description))</time>" } ?? ""
                html += "<li><span class=\"source\">\(item.source.rawValue)</span> \(e(item.text))\(count)\(time)</li>\n"
            }
            html += "</ul>\n</details>\n"
        }
        if let explanation = finding.explanation {
            html += "<details class=\"explanation\"><summary>Explanation (LLM \(e(explanation.model)); check before acting)</summary>\n"
            html += "<p>\(e(explanation.summary))</p>\n<ol>\n" + explanation.steps.map { "<li>\(e($0))</li>\n" }.joined() + "</ol>\n</details>\n"
        }
        if let remediation = finding.remediation {
            let safety = remediation.safeToAutoApply ? "safe to apply automatically" : "needs a person"
            html += "<div class=\"fix\"><p><strong>Fix</strong> (\(remediation.action.rawValue), \(safety)): \(e(remediation.summary))</p>\n"
            if let command = remediation.command { html += "<pre class=\"command\"><code>\(e(command))</code></pre>\n" }
            if let patch = remediation.patch {
                html += "<details class=\"patch\"><summary>\(patch.type.rawValue) patch for \(e(patch.target.typeAndName))</summary>\n"
                html += "<pre><code>\(e(try ReportRenderer.json(patch.body)))</code></pre>\n</details>\n"
            }
            html += "</div>\n"
        }
        return html + "</div>\n"
    }

    private static func suppressed(_ items: [SuppressedFinding]) -> String {
        table(
            "suppressed", title: "Suppressed (\(items.count))", headers: ["severity", "resource", "code", "by", "reason"],
            rows: items.map { item in
                [item.finding.severity.rawValue, e(item.finding.workloadPath), "<code>\(e(item.finding.code))</code>",
                 "\(item.suppressedBy.source.rawValue) (\(e(item.suppressedBy.location)))", e(item.suppressedBy.reason)]
            })
    }

    private static func errors(_ errors: [UnreadableResource]) -> String {
        table(
            "errors", title: "Not read (\(errors.count)): the report is partial there", headers: ["resource", "namespace", "reason", "message"],
            rows: errors.map { [e(($0.cluster.map { "\($0): " } ?? "") + $0.resource), e($0.namespace ?? "all"), e($0.reason), e($0.message)] })
    }

    /// A section with a table of already escaped cells; nothing when there are no rows.
    private static func table(_ kind: String, title: String, headers: [String], rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "" }
        var html = "<section class=\"\(kind)\">\n<h2>\(title)</h2>\n<table>\n"
        html += "<tr>" + headers.map { "<th>\($0)</th>" }.joined() + "</tr>\n"
        for row in rows { html += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n" }
        return html + "</table>\n</section>\n"
    }

    private struct NamespaceGroup {
        var name: String
        var workloads: [(ref: ResourceRef, findings: [Finding])]
        var title: String { name.isEmpty ? "Cluster-scoped" : "Namespace \(name)" }
    }

    /// Namespaces and workloads keep the report's order (worst first, then by name), so the
    /// first section is where to look first.
    private static func groups(_ findings: [Finding]) -> [NamespaceGroup] {
        inOrder(findings) { $0.workload.namespace ?? "" }.map { name, findings in
            NamespaceGroup(name: name, workloads: inOrder(findings, by: \.workload).map { (ref: $0.key, findings: $0.items) })
        }
    }

    /// Items grouped by key, groups in the order their first item came.
    private static func inOrder<Key: Hashable>(_ items: [Finding], by key: (Finding) -> Key) -> [(key: Key, items: [Finding])] {
        var keys: [Key] = []
        var groups: [Key: [Finding]] = [:]
        for item in items {
            let itemKey = key(item)
            if groups[itemKey] == nil { keys.append(itemKey) }
            groups[itemKey, default: []].append(item)
        }
        return keys.map { ($0, groups[$0] ?? []) }
    }
}
