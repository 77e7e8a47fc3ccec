import HealModel
import Testing
@testable import HealAnalysis

/// Gateway API checks: a Gateway of a class that does not exist, and HTTPRoute backends that do
/// not exist; nothing guessed about what was not read or is not a Service.
@Suite("Gateway API: missing GatewayClasses and HTTPRoute backends")
struct GatewayAnalyzerTests {
    @Test("a mistyped backend gets the JSON patch to the Service exposing its port, with the controller's ResolvedRefs=False as evidence")
    func backendTypo() throws {
        let finding = try #require(try Scenario.findings("gateway", in: "gateway-api-broken").first { $0.code == "httproute-backend-missing" })
        #expect(finding.severity == .warning, "the / rule still serves")
        #expect(finding.rootCause.hasSuffix("every request to /api gets a 500 from the gateway; / still works."), "\(finding.rootCause)")
        #expect(finding.remediation?.command == #"kubectl -n demo patch httproute/shop --type=json -p '[{"op":"replace","path":"/spec/rules/1/backendRefs/0/name","value":"storefront-backend"}]'"#)
        #expect(finding.evidence.contains { $0.text.hasPrefix("ResolvedRefs=False (BackendNotFound)") })
    }

    @Test("no backend of the route exists: critical; a backend of another kind or of a namespace not read is not judged")
    func severityAndScope() throws {
        let critical = try #require(try Scenario.findings("gateway", in: "gateway-api-broken") { snapshot in
            snapshot.services.removeAll { $0.metadata.name == "storefront" }
        }.first { $0.resource.name == "shop" })
        #expect(critical.severity == .critical)
        #expect(critical.rootCause.hasSuffix("every request to / and /api gets a 500 from the gateway."), "\(critical.rootCause)")

        let quiet = try Scenario.findings("gateway", in: "gateway-api-broken") { snapshot in
            let index = try #require(snapshot.httpRoutes.firstIndex { $0.metadata.name == "shop" })
            snapshot.httpRoutes[index].spec.rules[1].backendRefs[0].kind = "Backend"
            snapshot.httpRoutes[index].spec.rules[1].backendRefs[0].group = "gateway.envoyproxy.io"
        }
        #expect(!quiet.contains { $0.code == "httproute-backend-missing" })
        let otherNamespace = try Scenario.findings("gateway", in: "gateway-api-broken") { snapshot in
            let index = try #require(snapshot.httpRoutes.firstIndex { $0.metadata.name == "shop" })
            snapshot.httpRoutes[index].spec.rules[1].backendRefs[0].namespace = "payments"
            snapshot.namespaceScope = "demo"
        }
        #expect(!otherNamespace.contains { $0.code == "httproute-backend-missing" }, "payments was not read")
    }

    @Test("a Gateway of a class that does not exist names its attached routes and the classes there are; not judged without the classes")
    func missingClass() throws {
        let finding = try #require(try Scenario.findings("gateway", in: "gateway-api-broken").first { $0.code == "gateway-class-missing" })
        #expect(finding.rootCause.contains("HTTPRoute admin, attached to it, serves nothing; the cluster's only GatewayClass is eg."))
        #expect(finding.evidence.contains { $0.text == "Accepted=Unknown (Pending): Waiting for controller" })
        #expect(try Scenario.findings("gateway", in: "gateway-api-broken") { $0.collected.remove(.gatewayClasses) }
            .allSatisfy { $0.code != "gateway-class-missing" })
    }
}
