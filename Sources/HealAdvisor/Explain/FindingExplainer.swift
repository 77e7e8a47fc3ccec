import HealAnalysis
import HealModel

/// `diagnose --explain`: one question per grouped finding (a finding already stands for all
/// the pods of an owner with the same problem), asked concurrently — the client bounds how
/// many are in flight and stops calling a dead endpoint. A finding whose answer cannot be had
/// or used keeps its rule-based result, and the run says why.
package struct FindingExplainer: Sendable {
    let service: ChatService
    let model: String
    let anonymize: Bool

    package init(service: ChatService, model: String, anonymize: Bool) {
        self.service = service
        self.model = model
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
        let outcomes = await withTaskGroup(of: (Int, Result<FindingExplanation, AnswerProblem>).self) { group in
            for (index, finding) in findings.enumerated() {
                group.addTask { (index, await explain(finding, known: known)) }
            }
            var results: [Int: Result<FindingExplanation, AnswerProblem>] = [:]
            for await (index, result) in group { results[index] = result }
            return results
        }
        var run = Run(findings: findings, problems: [])
        for index in findings.indices {
            switch outcomes[index] {
            case .success(let explanation)?:
                run.findings[index].explanation = explanation
            case .failure(let problem)?:
                run.problems.append("\(findings[index].workload.typeAndName) (\(findings[index].code)): \(problem.reason)")
            case nil:
                break
            }
        }
        return run
    }

    private func explain(_ finding: Finding, known: KnownIdentifiers?) async -> Result<FindingExplanation, AnswerProblem> {
        var messages = ExplanationPrompt.messages(for: finding)
        var anonymizer = known.map(Anonymizer.init(known:))
        if var masking = anonymizer {
            messages = messages.map { $0.role == "user" ? ChatMessage.user(masking.mask($0.content)) : $0 }
            anonymizer = masking
        }
        do {
            let answer = try await service.complete(ChatRequest(messages: messages, jsonMode: true, maxTokens: nil))
            let content = anonymizer?.restore(answer.content) ?? answer.content
            let parsed = try ExplanationAnswer.parse(content)
            return .success(FindingExplanation(summary: parsed.explanation, steps: parsed.steps, model: model, cached: answer.cached))
        } catch let error as AdvisorError {
            return .failure(AnswerProblem(error.description))
        } catch let problem as AnswerProblem {
            return .failure(problem)
        } catch {
            return .failure(AnswerProblem("\(error)"))
        }
    }
}
