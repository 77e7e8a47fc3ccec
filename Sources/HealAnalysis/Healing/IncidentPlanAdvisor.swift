import HealModel

/// Proposes plans for incidents that no rule and no learned fix covers (an LLM, in practice).
/// The healing loop knows only this protocol; what it proposes goes through `PlanValidator`.
package protocol IncidentPlanAdvisor: Sendable {
    /// Never throws: an advisor that cannot answer says why, and the incident is left alone.
    /// `snapshot` is what the incident was seen in (the names an anonymizer must know).
    func proposePlan(for incident: HealIncident, in snapshot: ClusterSnapshot, settings: HealPlannerSettings) async -> AdvisedPlan
}

/// An advisor's answer for one incident, with the calls it cost (0 when answered from a cache).
package struct AdvisedPlan: Sendable {
    package enum Answer: Sendable {
        case proposal(PlanProposal)
        /// The advisor could not give a usable plan: endpoint down, circuit open, garbage answer.
        case unavailable(String)
    }

    package var answer: Answer
    package var calls: Int

    package init(answer: Answer, calls: Int) {
        self.answer = answer
        self.calls = calls
    }
}
