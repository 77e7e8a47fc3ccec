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

    /// app=web,tier!=cache or 'env in (prod,staging)'.
    package static func selector(_ text: String) throws(InvalidInput) -> LabelSelectorExpression {
        guard let selector = LabelSelectorExpression(text) else {
            throw InvalidInput("\"\(text)\" is not a label selector; use e.g. app=web,tier!=cache or 'env in (prod,staging)'")
        }
        return selector
    }
}
