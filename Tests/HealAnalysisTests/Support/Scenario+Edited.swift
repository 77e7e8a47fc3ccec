import HealAnalysis
import HealModel
import Testing

extension Scenario {
    /// One analyzer's raw findings on a scenario after `edit` — the group analyzer tests' way of
    /// making the case next to a scenario without writing another fixture.
    static func findings(_ id: String, in name: String, editing edit: (inout ClusterSnapshot) throws -> Void = { _ in }) throws -> [Finding] {
        let scenario = try Scenario(name)
        var snapshot = scenario.snapshot
        try edit(&snapshot)
        return try #require(AnalyzerRegistry.analyzer(id: id)).analyze(AnalysisContext(snapshot: snapshot, now: scenario.now))
    }
}
