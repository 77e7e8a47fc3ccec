import HealAnalysis

/// JUnit XML for CI systems: one test case per finding, named by code and workload; warning and
/// critical findings are failures, info findings pass with their text in system-out, suppressed
/// findings are skipped with the reason. A clean run is one passing case, so the suite is never empty.
enum JUnitReport {
    static func render(_ report: DiagnosisReport) -> String {
        let failures = report.findings.filter { $0.severity >= .warning }.count
        let skipped = report.suppressed.count
        let cases = (report.findings.isEmpty ? 1 : report.findings.count) + skipped
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="kubectl-heal diagnose" tests="\(cases)" failures="\(failures)" skipped="\(skipped)">
              <testsuite name="diagnose" tests="\(cases)" failures="\(failures)" skipped="\(skipped)" timestamp="\(report.metadata.generatedAt)">

            """
        if report.findings.isEmpty {
            xml += "    <testcase classname=\"diagnose\" name=\"\(escape(report.summary.text))\"/>\n"
        }
        for finding in report.findings {
            xml += "    <testcase classname=\"\(escape(classname(finding)))\" name=\"\(escape(finding.code))\">\n"
            let body = escape(([finding.symptom] + finding.evidence.map(\.text) + [finding.fixText.map { "fix: \($0)" } ?? ""]).filter { !$0.isEmpty }.joined(separator: "\n"))
            if finding.severity >= .warning {
                xml += "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(escape(finding.rootCause))\">\(body)</failure>\n"
            } else {
                xml += "      <system-out>\(escape(finding.rootCause))\n\(body)</system-out>\n"
            }
            xml += "    </testcase>\n"
        }
        for item in report.suppressed {
            let by = item.suppressedBy
            xml += "    <testcase classname=\"\(escape(classname(item.finding)))\" name=\"\(escape(item.finding.code))\">\n"
            xml += "      <skipped message=\"suppressed by \(by.source.rawValue) (\(escape(by.location))): \(escape(by.reason))\"/>\n    </testcase>\n"
        }
        xml += "    <system-out>\(escape(report.summary.text))</system-out>\n  </testsuite>\n</testsuites>\n"
        return xml
    }

    private static func classname(_ finding: Finding) -> String {
        [finding.workload.namespace, finding.workload.typeAndName].compactMap { $0 }.joined(separator: ".")
    }

    private static func escape(_ text: String) -> String {
        MarkupText.escape(text)
    }
}
