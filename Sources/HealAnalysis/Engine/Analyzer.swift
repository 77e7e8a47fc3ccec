import HealModel

/// A rule that reads a snapshot and reports findings. Pure: no I/O, no clock (the context
/// carries "now"), the same findings for the same snapshot.
package protocol Analyzer: Sendable {
    var descriptor: AnalyzerDescriptor { get }
    func analyze(_ context: AnalysisContext) -> [Finding]
}

/// How an analyzer describes itself (SwiftLint-style): what it checks, the codes it may
/// report, the kinds it reads, and scenarios (folders under Tests/Fixtures/scenarios) that
/// must trigger it and that must not — a shared test runs them all.
package struct AnalyzerDescriptor: Sendable {
    package enum Group: String, Sendable, CaseIterable {
        case pods, workloads, network, autoscaling, nodes, storage, hygiene
    }

    package var id: String
    package var group: Group
    package var summary: String
    package var codes: [String]
    /// Kinds this analyzer needs; it stays silent when one of them was not collected.
    package var reads: Set<ResourceKind>
    /// Kinds it reads when they were collected, and does without otherwise (the checks on them
    /// are skipped, never guessed): what a live diagnosis fetches along with `reads`.
    package var alsoReads: Set<ResourceKind>
    package var triggeringScenarios: [String]
    package var nonTriggeringScenarios: [String]

    package init(
        id: String, group: Group, summary: String, codes: [String], reads: Set<ResourceKind>, alsoReads: Set<ResourceKind> = [],
        triggeringScenarios: [String], nonTriggeringScenarios: [String]
    ) {
        self.id = id
        self.group = group
        self.summary = summary
        self.codes = codes
        self.reads = reads
        self.alsoReads = alsoReads
        self.triggeringScenarios = triggeringScenarios
        self.nonTriggeringScenarios = nonTriggeringScenarios
    }

    /// Hygiene checks are advice, not problems: they run only when asked for.
    package var enabledByDefault: Bool { group != .hygiene }
}
