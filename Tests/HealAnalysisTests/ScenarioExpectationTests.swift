import HealAnalysis
import Testing

/// Each scenario's expect.json says what an SRE expects diagnose to report; the full pipeline
/// (analyzers, grouping by owner, folding) must report exactly that.
@Suite("Scenarios report what an SRE expects")
struct ScenarioExpectationTests {
    @Test("diagnose reports exactly the expected findings", arguments: Scenario.all)
    func expectedFindings(name: String) throws {
        let scenario = try Scenario(name)
        let findings = scenario.diagnose().findings
        let reported = findings.map(\.asExpected)
        #expect(Set(reported) == Set(scenario.expectation.findings), "\(name): \(scenario.expectation.description)")
        #expect(reported.count == Set(reported).count, "\(name) reports a workload twice for one code: \(reported)")
        let absent = Set(scenario.expectation.absentCodes)
        #expect(findings.filter { absent.contains($0.code) }.isEmpty, "\(name) reported an absent code")
    }
}
