import HealAnalysis
import HealModel
import Synchronization

/// Asks the LLM for a plan for an incident no rule covers; `PlanValidator` (in the healing
/// loop) decides whether any of it is used. The first time the LLM cannot answer, `warn` is
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
        var messages = PlanPrompt.messages(for: incident, settings: settings)
        var anonymizer: Anonymizer?
        if anonymize {
            var masking = Anonymizer(known: KnownIdentifiers.from(snapshot))
            messages = messages.map { $0.role == "user" ? ChatMessage.user(masking.mask($0.content)) : $0 }
            anonymizer = masking
        }
        let sentBefore = await service.statistics.requestsSent
        func calls() async -> Int { await service.statistics.requestsSent - sentBefore }
        do {
            let answer = try await service.complete(ChatRequest(messages: messages, jsonMode: true, maxTokens: nil))
            let content = anonymizer?.restore(answer.content) ?? answer.content
            return AdvisedPlan(answer: .proposal(try PlanAnswer.parse(content)), calls: await calls())
        } catch let error as AdvisorError {
            warnOnce("the LLM gave no plan (\(error.description)); incidents no rule covers are left alone")
            return AdvisedPlan(answer: .unavailable(error.description), calls: await calls())
        } catch let problem as AnswerProblem {
            warnOnce("an LLM plan could not be used (\(problem.reason)); incidents no rule covers are left alone")
            return AdvisedPlan(answer: .unavailable("its answer could not be used: \(problem.reason)"), calls: await calls())
        } catch {
            return AdvisedPlan(answer: .unavailable("\(error)"), calls: await calls())
        }
    }

    /// Whether the LLM failed to answer at least once (for --require-llm).
    package var failed: Bool { warned.withLock { $0 } }

    private func warnOnce(_ message: String) {
        let first = warned.withLock { warned in
            defer { warned = true }
            return !warned
        }
        if first { warn(message) }
    }
}
