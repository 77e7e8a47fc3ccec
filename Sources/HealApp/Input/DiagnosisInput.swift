import HealAnalysis
import HealModel

/// What a user types to narrow a diagnosis, read the same way by every front end. The messages
/// name the value, not the flag or argument it came from; the front end says which.
package enum DiagnosisInput {
    /// Analyzer ids or groups.
    package static func analyzers(_ names: [String]) throws(InvalidInput) -> Set<String> {
        let selected = Set(names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        let unknown = DiagnosisOptions.unknownAnalyzerNames(selected)
        guard unknown.isEmpty else {
            throw InvalidInput("unknown analyzer \(unknown.joined(separator: ", ")); known: \(DiagnosisOptions.knownAnalyzerNames().joined(separator: ", "))")
        }
        return selected
    }

    /// `--ignore oom-killed,missing-probes` (repeatable): codes the report leaves out; `*` is every code.
    package static func ignoredCodes(_ values: [String]) throws(InvalidInput) -> FindingRule? {
        guard !values.isEmpty else { return nil }
        let codes = Set(values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        guard !codes.isEmpty else { throw InvalidInput("names no finding code; give one or more, e.g. --ignore missing-probes,missing-pdb") }
        let known = SuppressionRules.knownCodes()
        if let unknown = codes.subtracting(known + [FindingRule.anyCode]).sorted().first {
            throw InvalidInput("names an unknown finding code \"\(unknown)\"\(Wording.suggestion(for: unknown, among: known)); the codes are in the README's finding codes table")
        }
        return FindingRule(codes: codes, reason: "ignored with --ignore", origin: .flag)
    }

    /// app=web,tier!=cache or 'env in (prod,staging)'.
    package static func selector(_ text: String) throws(InvalidInput) -> LabelSelectorExpression {
        guard let selector = LabelSelectorExpression(text) else {
            throw InvalidInput("\"\(text)\" is not a label selector; use e.g. app=web,tier!=cache or 'env in (prod,staging)'")
        }
        return selector
    }
}
