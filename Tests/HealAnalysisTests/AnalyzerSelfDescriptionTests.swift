import HealAnalysis
import Testing

/// Every analyzer names scenarios that must trigger it and scenarios that must not; this runs
/// them all (SwiftLint's rule-example pattern).
@Suite("Analyzers describe themselves")
struct AnalyzerSelfDescriptionTests {
    static let analyzerIDs = AnalyzerRegistry.all.map(\.descriptor.id)

    @Test("analyzer ids and codes are stable kebab-case and unique", arguments: [()])
    func identifiers(_: Void) {
        let ids = AnalyzerRegistry.all.map(\.descriptor.id)
        #expect(Set(ids).count == ids.count)
        for descriptor in AnalyzerRegistry.all.map(\.descriptor) {
            #expect(descriptor.id.wholeMatch(of: #/[a-z]+(-[a-z]+)*/#) != nil, "\(descriptor.id)")
            #expect(!descriptor.codes.isEmpty, "\(descriptor.id) lists no codes")
            #expect(!descriptor.triggeringScenarios.isEmpty, "\(descriptor.id) has no triggering scenario")
            #expect(!descriptor.nonTriggeringScenarios.isEmpty, "\(descriptor.id) has no non-triggering scenario")
            for code in descriptor.codes {
                #expect(code.wholeMatch(of: #/[a-z]+(-[a-z]+)*/#) != nil, "\(code)")
            }
        }
    }

    @Test("each analyzer's triggering scenarios produce one of its codes", arguments: analyzerIDs)
    func triggers(id: String) throws {
        let analyzer = try #require(AnalyzerRegistry.analyzer(id: id))
        for name in analyzer.descriptor.triggeringScenarios {
            let findings = try Scenario(name).run(analyzer)
            #expect(!findings.isEmpty, "\(id) found nothing in \(name)")
            for finding in findings {
                #expect(analyzer.descriptor.codes.contains(finding.code), "\(id) reported undeclared code \(finding.code) in \(name)")
                #expect(finding.analyzer == id)
            }
        }
    }

    @Test("each analyzer's non-triggering scenarios produce nothing from it", arguments: analyzerIDs)
    func nonTriggers(id: String) throws {
        let analyzer = try #require(AnalyzerRegistry.analyzer(id: id))
        for name in analyzer.descriptor.nonTriggeringScenarios {
            let findings = try Scenario(name).run(analyzer)
            #expect(findings.isEmpty, "\(id) reported \(findings.map(\.code)) in \(name)")
        }
    }
}
