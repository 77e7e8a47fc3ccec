@testable import HealAnalysis
import HealModel
import Testing

/// The label index answers exactly what filtering every pod of the namespace would.
@Suite("NamespacePods selects like a plain filter")
struct NamespacePodsTests {
    @Test("every scenario's Services select the same pods, in the same order, through the index", arguments: ["shop", "agentic-demo", "service-no-matching-pods", "failover-clean"])
    func sameAsFilter(scenario name: String) throws {
        let snapshot = try Scenario(name).snapshot
        for namespace in Set(snapshot.pods.map { $0.metadata.namespace ?? "" }) {
            let pods = snapshot.pods.filter { $0.metadata.namespace == namespace }
            let indexed = try #require(NamespacePods.byNamespace(snapshot.pods)[namespace])
            #expect(indexed.all.map(\.metadata.name) == pods.map(\.metadata.name))
            let selectors = snapshot.services.map(\.spec.selector) + [[:], ["app": "no-such-app"]]
            for selector in selectors {
                let expected = pods.filter { selector.selects($0.metadata.labels) }.map(\.metadata.name)
                #expect(indexed.selected(by: selector).map(\.metadata.name) == expected, "\(selector)")
            }
        }
    }
}
