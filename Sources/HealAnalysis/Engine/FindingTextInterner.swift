/// Keeps one copy of each text among the findings one analyzer makes. In a mass failure ten
/// thousand pods of a thousand Deployments get findings that say the same thing word for word;
/// holding them all until they are grouped by workload cost 17 MB at 20,000 pods, sharing the
/// texts a few.
final class FindingTextInterner {
    private var known: Set<String> = []

    func intern(_ finding: inout Finding) {
        finding.symptom = intern(finding.symptom)
        finding.rootCause = intern(finding.rootCause)
        for index in finding.evidence.indices {
            finding.evidence[index].text = intern(finding.evidence[index].text)
        }
        if var remediation = finding.remediation {
            remediation.summary = intern(remediation.summary)
            remediation.command = remediation.command.map(intern)
            finding.remediation = remediation
        }
    }

    private func intern(_ text: String) -> String {
        if let existing = known.firstIndex(of: text) { return known[existing] }
        known.insert(text)
        return text
    }
}
