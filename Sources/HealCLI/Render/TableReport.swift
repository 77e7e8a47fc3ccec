import Foundation
import HealAnalysis
import HealModel

/// The default view: one row per finding, worst first, then the summary line.
enum TableReport {
    static func render(_ report: DiagnosisReport, wide: Bool, palette: Palette) -> String {
        let suppressed = wide ? suppressedTable(report) : ""
        let clusters = FleetText.failures(report.errors, not: "diagnosed")
        guard !report.findings.isEmpty else { return suppressed + (suppressed.isEmpty ? "" : "\n") + clusters + report.summary.text + "\n" }
        let namespaces = Set(report.findings.map { $0.workload.namespace ?? "" })
        let showNamespace = report.metadata.namespaces == nil || namespaces.count > 1
        let showCluster = report.metadata.clusters != nil
        var headers = ["severity"] + (showCluster ? ["cluster"] : []) + (showNamespace ? ["namespace"] : []) + ["resource", "code", "age"]
        if wide { headers += ["container", "pods", "confidence"] }
        headers += ["root cause"]
        let showTrigger = wide && report.findings.contains { $0.trigger != nil }
        if showTrigger { headers += ["trigger"] }
        if wide { headers += ["fix"] }
        var table = TextTable(headers: headers)
        for finding in report.findings {
            var row = [TextTable.Cell(text: finding.severity.rawValue, paint: { palette.severity($0, finding.severity) })]
            if showCluster { row.append(.init(text: finding.cluster ?? "-")) }
            if showNamespace { row.append(.init(text: finding.workload.namespace ?? "-")) }
            row.append(.init(text: finding.workload.typeAndName))
            row.append(.init(text: finding.code))
            row.append(.init(text: finding.ageText))
            if wide {
                row.append(.init(text: finding.container ?? "-"))
                row.append(.init(text: finding.pods.map { String($0.count) } ?? "-"))
                row.append(.init(text: String(format: "%.2f", finding.confidence)))
            }
            row.append(.init(text: finding.rootCause))
            if showTrigger { row.append(.init(text: finding.trigger ?? "-")) }
            if wide { row.append(.init(text: finding.fixText ?? "-")) }
            table.rows.append(row)
        }
        return table.render() + explanations(report) + (suppressed.isEmpty ? "" : "\n" + suppressed) + "\n" + clusters + report.summary.text + "\n"
    }


    /// `-o wide`: what was left out and who asked, so a quiet report can be audited.
    private static func suppressedTable(_ report: DiagnosisReport) -> String {
        guard !report.suppressed.isEmpty else { return "" }
        var table = TextTable(headers: ["suppressed", "namespace", "resource", "code", "by", "where", "reason"])
        for item in report.suppressed {
            let finding = item.finding
            table.rows.append([
                .init(text: finding.severity.rawValue), .init(text: finding.workload.namespace ?? "-"), .init(text: finding.workload.typeAndName),
                .init(text: finding.code), .init(text: item.suppressedBy.source.rawValue), .init(text: item.suppressedBy.location),
                .init(text: item.suppressedBy.reason),
            ])
        }
        return table.render()
    }

    /// The LLM's explanations under the table, one block per explained finding.
    private static func explanations(_ report: DiagnosisReport) -> String {
        let explained = report.findings.filter { $0.explanation != nil }
        guard let llm = report.llm, !explained.isEmpty else { return "" }
        var text = "\nEXPLANATIONS (LLM \(llm.model); check before acting)\n"
        for finding in explained {
            guard let explanation = finding.explanation else { continue }
            text += "\n\(finding.workload.namespace.map { "\($0)/" } ?? "")\(finding.workload.typeAndName) \(finding.code)\n"
            text += "  \(explanation.summary)\n"
            for (index, step) in explanation.steps.enumerated() { text += "  \(index + 1). \(step)\n" }
        }
        return text
    }
}
