import HealAnalysis
import HealModel

/// What a user types to narrow a diagnosis, read the same way by every front end. The messages
/// name the value, not the flag or argument it came from; the front end says which.
package enum DiagnosisInput {
    /// TYPE/NAME: deployment/web, svc/api, pod/x.
    package static func target(_ text: String) throws(InvalidInput) -> ResourceTarget {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else {
            throw InvalidInput("\"\(text)\" is not TYPE/NAME; write e.g. deployment/web or svc/api")
        }
        guard let kind = ResourceKind(userInput: parts[0]) else {
            throw InvalidInput(
                "unknown resource type \"\(parts[0])\" in \"\(text)\"; use pod, deployment, statefulset, daemonset, job, replicaset, service, node, pvc, hpa or ingress")
        }
        return ResourceTarget(kind: kind, name: parts[1])
    }

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
