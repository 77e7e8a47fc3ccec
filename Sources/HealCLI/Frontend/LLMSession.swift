import Foundation
import HealAdvisor
import HealAnalysis
import HealModel
import Logging

/// The LLM for one run: one client (so one circuit breaker and one concurrency bound for every
/// question), the answer cache unless --no-cache, and the stderr warning said once.
struct LLMSession {
    let configuration: LLMConfiguration
    let service: ChatService
    let anonymize: Bool
    let environment: CLIEnvironment

    init(configuration: LLMConfiguration, options: LLMOptions, environment: CLIEnvironment, logger: Logger) {
        var variables = environment.variables
        if variables["HOME"] == nil { variables["HOME"] = environment.homeDirectory }
        let cache = options.noCache ? nil : AnswerCache(directory: AnswerCache.defaultDirectory(environment: variables))
        self.configuration = configuration
        service = ChatService(client: ChatCompletionClient(configuration: configuration, logger: logger), cache: cache)
        anonymize = options.anonymize
        self.environment = environment
    }

    /// The report with explanations added and its `llm` block; `failed` when a finding got none.
    func explain(_ report: DiagnosisReport, snapshot: ClusterSnapshot) async -> (report: DiagnosisReport, failed: Bool) {
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
