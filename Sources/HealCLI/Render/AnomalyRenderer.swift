import HealAnalysis
import HealApp
import HealModel

/// Renders an anomaly report in the format `-o` asked for.
enum AnomalyRenderer {
    static let kind = "AnomalyReport"

    static func render(_ report: AnomalyReport, as format: AnomalyFormat, at time: Timestamp) throws -> String {
        switch format {
        case .table: table(report, wide: false)
        case .wide: table(report, wide: true)
        case .json: try ReportRenderer.json(VersionedDocument(kind: kind, body: report, generatedAt: time))
        case .yaml: try ReportRenderer.yaml(VersionedDocument(kind: kind, body: report, generatedAt: time))
        case .markdown: markdown(report)
        }
    }

    /// One row per anomaly (`wide`: with its evidence), then the containers with too little
    /// history, then a line of totals.
    static func table(_ report: AnomalyReport, wide: Bool) -> String {
        var text = ""
        if !report.anomalies.isEmpty {
            var table = TextTable(headers: ["severity", "namespace", "workload", "container", "code", "what"] + (wide ? ["evidence", "confidence"] : []))
            for anomaly in report.anomalies {
                let cells = [
                    anomaly.severity.rawValue, anomaly.workload.namespace ?? "", anomaly.workload.typeAndName, anomaly.container, anomaly.code.rawValue,
                    anomaly.summary,
                ] + (wide ? [anomaly.evidence.joined(separator: "; "), String(format: "%.1f", anomaly.confidence)] : [])
                table.rows.append(cells.map { TextTable.Cell(text: $0) })
            }
            text += table.render() + "\n"
        }
        text += report.notEnoughHistory.map { "? \($0.workload.namespace ?? "")/\($0.workload.typeAndName) (\($0.container)): \($0.reason)\n" }.joined()
        return text + (report.notEnoughHistory.isEmpty ? "" : "\n") + summary(report) + "\n"
    }

    static func markdown(_ report: AnomalyReport) -> String {
        var text = "# Anomalies\n\n\(summary(report))\n\n"
        for anomaly in report.anomalies {
            text += "## \(anomaly.severity.rawValue): \(anomaly.workload.namespace ?? "")/\(anomaly.workload.typeAndName) (\(anomaly.container)) — `\(anomaly.code.rawValue)`\n\n"
            text += "\(anomaly.summary)\n\n" + anomaly.evidence.map { "- \($0)\n" }.joined() + "\n**What to do:** \(anomaly.action)\n\n"
        }
        if !report.notEnoughHistory.isEmpty {
            text += "## Not enough history\n\n" + report.notEnoughHistory.map { "- \($0.workload.namespace ?? "")/\($0.workload.typeAndName) (\($0.container)): \($0.reason)\n" }.joined()
        }
        return text
    }

    /// "2 anomalies (1 critical, 1 warning) in 5 containers; 1 with too little history; 2 steady. Memory history: 14d from prometheus …".
    static func summary(_ report: AnomalyReport) -> String {
        let summary = report.summary
        let severities = Severity.allCases.reversed().compactMap { severity in summary.bySeverity[severity.rawValue].map { "\($0) \(severity.rawValue)" } }
        let found = summary.anomalies == 0 ? "No anomaly" : "\(summary.anomalies) \(summary.anomalies == 1 ? "anomaly" : "anomalies") (\(severities.joined(separator: ", ")))"
        return "\(found) in \(summary.containers) containers; \(summary.notEnoughHistory) with too little history; \(summary.quiet) steady. "
            + "Memory history: \(DurationText.format(seconds: report.metadata.windowSeconds)) to \(report.metadata.end) from \(report.metadata.prometheus)."
    }
}
