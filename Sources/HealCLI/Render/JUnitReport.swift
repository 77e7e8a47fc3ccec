import HealAnalysis

/// JUnit XML for CI systems: one test case per finding, named by code and workload; warning and
/// critical findings are failures, info findings pass with their text in system-out. A clean
/// run is one passing case, so the suite is never empty.
enum JUnitReport {
    static func render(_ report: DiagnosisReport) -> String {
        let failures = report.findings.filter { $0.severity >= .warning }.count
        let cases = report.findings.isEmpty ? 1 : report.findings.count
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="kubectl-heal diagnose" tests="\(cases)" failures="\(failures)">
              <testsuite name="diagnose" tests="\(cases)" failures="\(failures)" timestamp="\(report.metadata.generatedAt)">

            """
        if report.findings.isEmpty {
            xml += "    <testcase classname=\"diagnose\" name=\"\(escape(report.summary.text))\"/>\n"
        }
        for finding in report.findings {
            let classname = [finding.workload.namespace, finding.workload.typeAndName].compactMap { $0 }.joined(separator: ".")
            xml += "    <testcase classname=\"\(escape(classname))\" name=\"\(escape(finding.code))\">\n"
            let body = escape(([finding.symptom] + finding.evidence.map(\.text) + [finding.fixText.map { "fix: \($0)" } ?? ""]).filter { !$0.isEmpty }.joined(separator: "\n"))
            if finding.severity >= .warning {
                xml += "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(escape(finding.rootCause))\">\(body)</failure>\n"
            } else {
                xml += "      <system-out>\(escape(finding.rootCause))\n\(body)</system-out>\n"
            }
            xml += "    </testcase>\n"
        }
        xml += "    <system-out>\(escape(report.summary.text))</system-out>\n  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// XML-escaped, without the control characters XML 1.0 forbids.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in SecretScrubber.printable(text) {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
