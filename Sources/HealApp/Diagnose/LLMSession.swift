import Foundation
import HealAdvisor
import HealAnalysis
import HealModel
import Logging

/// The LLM for one run: one client (so one circuit breaker and one concurrency bound for every
/// question), the answer cache unless told not to use it, and the stderr warning said once.
package struct LLMSession: Sendable {
    let configuration: LLMConfiguration
    let service: ChatService
    let anonymize: Bool
    let environment: AppEnvironment

    /// `anonymize` masks names, addresses and secret-looking values before anything is sent;
    /// `cached` reuses answers kept on disk.
    package init(configuration: LLMConfiguration, anonymize: Bool, cached: Bool, environment: AppEnvironment, logger: Logger) {
        var variables = environment.variables
        if variables["HOME"] == nil { variables["HOME"] = environment.homeDirectory }
        let cache = cached ? AnswerCache(directory: AnswerCache.defaultDirectory(environment: variables)) : nil
        self.configuration = configuration
        service = ChatService(client: ChatCompletionClient(configuration: configuration, logger: logger), cache: cache)
        self.anonymize = anonymize
        self.environment = environment
    }

    /// The report with explanations added and its `llm` block; `failed` when a finding got none.
    package func explain(_ report: DiagnosisReport, snapshot: ClusterSnapshot) async -> (report: DiagnosisReport, failed: Bool) {
        let run = await FindingExplainer(service: service, anonymize: anonymize).explain(report.findings, in: snapshot)
        var explained = report
        explained.findings = run.findings
        let statistics = await service.statistics
        let withExplanation = run.findings.compactMap(\.explanation)
        explained.llm = LLMUsageSummary(
            model: configuration.model, endpoint: configuration.endpoint.displayURL, anonymized: anonymize,
            explained: withExplanation.count, cached: withExplanation.count(where: \.cached), failed: run.problems.count,
            requests: statistics.requestsSent, promptTokens: statistics.usage.promptTokens, completionTokens: statistics.usage.completionTokens)
        if let first = run.problems.first {
            let more = run.problems.count > 1 ? " (and \(run.problems.count - 1) more)" : ""
            warn("LLM at \(configuration.endpoint.displayURL): no explanation for \(run.problems.count) of \(report.findings.count) findings, first \(first)\(more); the rule-based result is shown for them")
        }
        if let problem = await service.cacheProblem { warn("LLM answer cache: \(problem)") }
        return (explained, !run.problems.isEmpty)
    }

    /// The advisor healing asks for plans for incidents no rule covers.
    func planAdvisor() -> LLMPlanAdvisor {
        LLMPlanAdvisor(service: service, anonymize: anonymize, warn: warn)
    }

    @Sendable private func warn(_ message: String) {
        environment.standardError.write("warning: \(message)\n")
    }
}
