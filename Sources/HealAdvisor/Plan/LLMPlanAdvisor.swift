import HealAnalysis
import HealModel
import Synchronization

/// Asks the LLM for a plan for an incident no rule covers; `PlanValidator` (in the healing
/// loop) decides whether any of it is used. The first time no usable plan comes, `warn` is
/// called once: the run goes on rule-based and says so on stderr, not once per incident.
package final class LLMPlanAdvisor: IncidentPlanAdvisor {
    let service: ChatService
    let anonymize: Bool
    let warn: @Sendable (String) -> Void
    private let warned = Mutex(false)

    package init(service: ChatService, anonymize: Bool, warn: @escaping @Sendable (String) -> Void) {
        self.service = service
        self.anonymize = anonymize
        self.warn = warn
    }

    package func proposePlan(for incident: HealIncident, in snapshot: ClusterSnapshot, settings: HealPlannerSettings) async -> AdvisedPlan {
        let sentBefore = await service.statistics.requestsSent
        let result = await AdvisorQuestion.ask(
            PlanPrompt.messages(for: incident, settings: settings), known: anonymize ? KnownIdentifiers.from(snapshot) : nil,
            service: service, parse: PlanAnswer.parse)
        let calls = await service.statistics.requestsSent - sentBefore
        switch result {
        case .success(let answer):
            return AdvisedPlan(answer: .proposal(answer.value), calls: calls)
        case .failure(let failure):
            warnOnce("the LLM gave no usable plan (\(failure.reason)); incidents no rule covers are left alone")
            return AdvisedPlan(answer: .unavailable(failure.reason), calls: calls)
        }
    }

    /// Whether a plan could not be had at least once (for --require-llm).
    package var failedOnce: Bool { warned.withLock { $0 } }

    private func warnOnce(_ message: String) {
        let first = warned.withLock { warned in
            defer { warned = true }
            return !warned
        }
        if first { warn(message) }
    }
}
