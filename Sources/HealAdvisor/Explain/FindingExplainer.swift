import HealAnalysis
import HealModel

/// `diagnose --explain`: one question per grouped finding (a finding already stands for all
/// the pods of an owner with the same problem), asked concurrently — the client bounds how
/// many are in flight and stops calling a dead endpoint. A finding whose answer cannot be had
/// or used keeps its rule-based result, and the run says why.
package struct FindingExplainer: Sendable {
    let service: ChatService
    let anonymize: Bool

    package init(service: ChatService, anonymize: Bool) {
        self.service = service
        self.anonymize = anonymize
    }

    package struct Run: Sendable {
        /// The findings, in their order, with explanations where one was had.
        package var findings: [Finding]
        /// One line per finding left without: "deployment/web (oom-killed): <why>".
        package var problems: [String]
    }

    package func explain(_ findings: [Finding], in snapshot: ClusterSnapshot) async -> Run {
        let known = anonymize ? KnownIdentifiers.from(snapshot) : nil
        let model = await service.model
        let outcomes = await withTaskGroup(of: (Int, Result<(value: ExplanationAnswer, cached: Bool), AdvisorQuestion.Failure>).self) { group in
            for (index, finding) in findings.enumerated() {
                group.addTask {
                    (index, await AdvisorQuestion.ask(ExplanationPrompt.messages(for: finding), known: known, service: service, parse: ExplanationAnswer.parse))
                }
            }
            var results: [Int: Result<(value: ExplanationAnswer, cached: Bool), AdvisorQuestion.Failure>] = [:]
            for await (index, result) in group { results[index] = result }
            return results
        }
        var run = Run(findings: findings, problems: [])
        for index in findings.indices {
            switch outcomes[index] {
            case .success(let answer)?:
                run.findings[index].explanation = FindingExplanation(
                    summary: answer.value.explanation, steps: answer.value.steps, model: model, cached: answer.cached)
            case .failure(let failure)?:
                run.problems.append("\(findings[index].workload.typeAndName) (\(findings[index].code)): \(failure.reason)")
            case nil:
                break
            }
        }
        return run
    }
}
