import Foundation
import HealAnalysis
import HealModel
import Testing

/// Service and Ingress analyzers on edited scenarios.
@Suite("Network analyzers")
struct NetworkAnalyzerTests {
    @Test("a mistyped selector value is answered with the label the pods carry, and the patch that fixes it")
    func selectorTypo() throws {
        let finding = try #require(try Scenario.findings("service", in: "service-no-matching-pods").first)
        #expect(finding.rootCause.contains("did you mean app=frontend (2 pods of Deployment frontend)?"))
        #expect(finding.remediation?.command == #"kubectl -n demo patch service/frontend --type=merge -p '{"spec":{"selector":{"app":"frontend"}}}'"#)
    }

    @Test("a mistyped selector key is corrected too, removing the wrong key")
    func selectorKeyTypo() throws {
        let finding = try #require(try Scenario.findings("service", in: "service-no-matching-pods") { snapshot in
            snapshot.services[0].spec.selector = ["ap": "frontend"]
        }.first)
        #expect(finding.rootCause.contains("did you mean app=frontend"))
        #expect(finding.remediation?.command?.contains(#""ap":null"#) == true)
    }

    @Test("a selector nothing resembles gets no guess")
    func noGuess() throws {
        let finding = try #require(try Scenario.findings("service", in: "service-no-matching-pods") { snapshot in
            snapshot.services[0].spec.selector = ["app": "payments"]
        }.first)
        #expect(!finding.rootCause.contains("did you mean"))
        #expect(finding.remediation?.patch == nil)
    }

    @Test("a Service selecting a Deployment that has no pods names that Deployment")
    func workloadWithoutPods() throws {
        let finding = try #require(try Scenario.findings("service", in: "service-no-matching-pods") { snapshot in
            snapshot.services[0].spec.selector = ["app": "frontend"]
            snapshot.pods = []
        }.first)
        #expect(finding.code == "service-no-matching-pods")
        #expect(finding.rootCause.contains("Deployment frontend, which wants 2 replicas but has no pods"))
    }

    @Test("Services without a selector and ExternalName Services are not judged")
    func manualEndpointsAndExternalNames() throws {
        #expect(try Scenario.findings("service", in: "service-no-matching-pods") { $0.services[0].spec.selector = [:] }.isEmpty)
        #expect(try Scenario.findings("service", in: "service-no-matching-pods") { $0.services[0].spec.type = "ExternalName" }.isEmpty)
    }

    @Test("no ready endpoints is explained by the pods' readiness probe")
    func noReadyEndpoints() throws {
        let finding = try #require(try Scenario.findings("service", in: "readiness-probe-failing").first)
        #expect(finding.code == "service-no-ready-endpoints")
        #expect(finding.rootCause.contains("0 of 2 endpoints ready: readiness probe failing: HTTP probe failed with statuscode: 404"))
    }

    @Test("without EndpointSlices, readiness is read from the pods")
    func readinessFromPods() throws {
        let found = try Scenario.findings("service", in: "readiness-probe-failing") { $0.endpointSlices = [] }
        #expect(found.map(\.code) == ["service-no-ready-endpoints"])
    }

    @Test("a named targetPort is matched by container port name")
    func namedTargetPort() throws {
        #expect(try Scenario.findings("service", in: "service-target-port-mismatch") { $0.services[0].spec.ports[0].targetPort = .string("http") }.isEmpty)
        let finding = try #require(try Scenario.findings("service", in: "service-target-port-mismatch") {
            $0.services[0].spec.ports[0].targetPort = .string("web")
        }.first)
        #expect(finding.code == "service-target-port-mismatch")
    }

    @Test("containers that declare no ports are not judged for targetPort")
    func undeclaredPorts() throws {
        let found = try Scenario.findings("service", in: "service-target-port-mismatch") { snapshot in
            for index in snapshot.pods.indices {
                for container in snapshot.pods[index].spec.containers.indices {
                    snapshot.pods[index].spec.containers[container].ports = []
                }
            }
        }
        #expect(found.isEmpty)
    }

    @Test("a numeric targetPort is not judged when a selected container may listen without declaring its port")
    func sidecarWithoutPorts() throws {
        let sidecar = try JSONDecoder().decode(Container.self, from: Data(#"{"name":"log-shipper","image":"fluent/fluent-bit:3.1.9"}"#.utf8))
        let found = try Scenario.findings("service", in: "service-target-port-mismatch") { snapshot in
            for index in snapshot.pods.indices { snapshot.pods[index].spec.containers.append(sidecar) }
        }
        #expect(found.isEmpty)
    }

    @Test("an Ingress whose every route is missing is critical")
    func ingressAllMissing() throws {
        let partial = try #require(try Scenario.findings("ingress", in: "ingress-backend-missing").first)
        #expect(partial.severity == .warning)
        #expect(partial.remediation?.patch?.type == .json)
        let total = try #require(try Scenario.findings("ingress", in: "ingress-backend-missing") { snapshot in
            snapshot.services = []
        }.first)
        #expect(total.severity == .critical)
        #expect(total.remediation?.patch == nil)
    }
}
