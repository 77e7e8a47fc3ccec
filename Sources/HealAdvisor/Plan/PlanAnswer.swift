import HealAnalysis

/// A plan answer as the prompt asks for it, decoded into a proposal. Types are not checked
/// here: `PlanValidator` does that, so a wrong type is reported as a rejected plan.
struct PlanAnswer: Decodable {
    struct Step: Decodable {
        var action: String
        var parameters: [String: JSONValue]?
        var reason: String?
    }

    var workload: String
    var namespace: String?
    var steps: [Step]

    static func parse(_ content: String) throws(AnswerProblem) -> PlanProposal {
        let answer = try JSONAnswer.decode(PlanAnswer.self, from: content)
        return PlanProposal(
            workload: answer.workload, namespace: answer.namespace,
            steps: answer.steps.map { ProposedStep(action: $0.action, parameters: $0.parameters ?? [:], reason: $0.reason ?? "") })
    }
}
