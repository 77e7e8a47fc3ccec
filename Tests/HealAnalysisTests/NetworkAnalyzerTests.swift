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

    @Test("a route to a port its Service lacks gets the one port the Service has; a port named right, or a Service with several ports, is judged accordingly")
    func ingressPorts() throws {
        let finding = try #require(try Scenario.findings("ingress", in: "ingress-port-mismatch").first)
        #expect(finding.code == "ingress-backend-port-mismatch")
        #expect(finding.severity == .warning)
        #expect(finding.symptom == "1 route of 2 to a port its Service does not expose")
        #expect(finding.remediation?.command == #"kubectl -n demo patch ingress/shop --type=json -p '[{"op":"replace","path":"/spec/rules/0/http/paths/1/backend/service/port","value":{"name":"http"}}]'"#)

        #expect(try Scenario.findings("ingress", in: "ingress-port-mismatch") { snapshot in
            snapshot.ingresses[0].spec.rules[0].http?.paths[1].backend.service?.port?.number = nil
            snapshot.ingresses[0].spec.rules[0].http?.paths[1].backend.service?.port?.name = "http"
        }.isEmpty, "port http by name exists")

        let several = try #require(try Scenario.findings("ingress", in: "ingress-port-mismatch") { snapshot in
            let index = snapshot.services.firstIndex { $0.metadata.name == "storefront-backend" }!
            snapshot.services[index].spec.ports.append(snapshot.services[index].spec.ports[0])
            snapshot.services[index].spec.ports[1].port = 9090
            snapshot.services[index].spec.ports[1].name = "metrics"
        }.first)
        #expect(several.remediation?.patch == nil, "two ports: a person chooses")
        #expect(several.rootCause.contains("which exposes 8080 (http) and 9090 (metrics)"))

        let allWrong = try #require(try Scenario.findings("ingress", in: "ingress-port-mismatch") { snapshot in
            snapshot.ingresses[0].spec.rules[0].http?.paths[0].backend.service?.port?.number = 8443
        }.first)
        #expect(allWrong.severity == .critical)
        #expect(allWrong.rootCause.hasSuffix("no route reaches a Service."))
    }

    @Test("a Service without a selector is reported only when its hand-made endpoints exist and none is ready")
    func manualEndpoints() throws {
        let findings = try Scenario.findings("service", in: "service-manual-endpoints")
        #expect(findings.map(\.resource.name) == ["legacy-db"], "legacy-cache's endpoint is ready")
        #expect(try Scenario.findings("service", in: "service-manual-endpoints") { $0.endpointSlices.removeAll() }.isEmpty,
                "no endpoints at all may be a placeholder")
        #expect(try Scenario.findings("service", in: "service-manual-endpoints") { snapshot in
            for index in snapshot.services.indices { snapshot.services[index].metadata.creationTimestamp = snapshot.referenceTime?.adding(seconds: -30) }
        }.isEmpty, "a Service made 30 s ago is still being set up")
    }

    @Test("an Ingress naming a class that does not exist gets the existing class; without classes read nothing is guessed; its routes wait until then")
    func ingressClass() throws {
        let finding = try #require(try Scenario.findings("ingress", in: "ingress-class-missing").first)
        #expect(finding.code == "ingress-class-missing")
        #expect(finding.remediation?.command == #"kubectl -n demo patch ingress/shop --type=merge -p '{"spec":{"ingressClassName":"nginx"}}'"#)
        #expect(try Scenario.findings("ingress", in: "ingress-class-missing") { $0.collected.remove(.ingressClasses) }.isEmpty)
        let both = try Scenario.findings("ingress", in: "ingress-class-missing") { snapshot in
            snapshot.ingresses[snapshot.ingresses.firstIndex { $0.metadata.name == "shop" }!].spec.rules[0].http?.paths[0].backend.service?.name = "gone"
        }
        #expect(both.map(\.code) == ["ingress-class-missing"], "the class first: nothing serves the routes anyway")
    }

    @Test("a NetworkPolicy selecting no pod is reported with the label meant; one selecting every pod, or one applied minutes ago, is not")
    func networkPolicies() throws {
        let finding = try #require(try Scenario.findings("networkpolicy", in: "networkpolicy-no-pods").first)
        #expect(finding.resource.name == "api-allow-frontend")
        #expect(finding.rootCause.contains("did you mean app=api (2 pods of Deployment api)?"))
        #expect(try Scenario.findings("networkpolicy", in: "networkpolicy-no-pods") { snapshot in
            for index in snapshot.networkPolicies.indices { snapshot.networkPolicies[index].metadata.creationTimestamp = snapshot.referenceTime?.adding(seconds: -60) }
        }.isEmpty)
        #expect(try Scenario.findings("networkpolicy", in: "networkpolicy-no-pods") { snapshot in
            snapshot.pods.removeAll()
        }.map(\.resource.name) == ["api-allow-frontend"], "default-deny selects every pod, pods or none; frontend-policy fits frontend's template")
    }

    @Test("a webhook whose Service is gone is critical with failurePolicy Fail, a warning with Ignore; Services of namespaces the snapshot does not cover are not judged")
    func webhooks() throws {
        let findings = try Scenario.findings("webhook", in: "webhook-broken")
        #expect(Set(findings.map { "\($0.code) \($0.severity.rawValue) \($0.resource.name)" })
            == ["webhook-service-missing critical policy-guard", "webhook-no-endpoints warning sidecar-injector"])
        #expect(try Scenario.findings("webhook", in: "webhook-broken") { snapshot in
            let other = snapshot.restricted(toNamespace: "other", excluding: [])
            snapshot = other
        }.isEmpty, "read for namespace other: demo's Services were not read, so nothing is missing")
        let ignored = try Scenario.findings("webhook", in: "webhook-broken") { snapshot in
            snapshot.validatingWebhookConfigurations[snapshot.validatingWebhookConfigurations.firstIndex { $0.metadata.name == "policy-guard" }!].webhooks[0].failurePolicy = "Ignore"
        }
        #expect(ignored.first { $0.resource.name == "policy-guard" }?.severity == .warning)
    }

    @Test("snapshot files cover only the namespaces they hold: a webhook Service elsewhere is not called missing; an ExternalName Service has no endpoints by design")
    func webhookScopeInFiles() throws {
        let elsewhere = try Scenario.findings("webhook", in: "webhook-broken") { snapshot in
            let index = snapshot.validatingWebhookConfigurations.firstIndex { $0.metadata.name == "policy-guard" }!
            snapshot.validatingWebhookConfigurations[index].webhooks[0].clientConfig?.service?.namespace = "cert-manager"
        }
        #expect(!elsewhere.contains { $0.resource.name == "policy-guard" })
        let external = try Scenario.findings("webhook", in: "webhook-broken") { snapshot in
            let index = snapshot.services.firstIndex { $0.metadata.name == "sidecar-injector" }!
            snapshot.services[index].spec.type = "ExternalName"
        }
        #expect(!external.contains { $0.resource.name == "sidecar-injector" })
    }

    @Test("a NetworkPolicy fitting a workload's pod template is not reported while the workload has no pods")
    func networkPolicyTemplate() throws {
        #expect(try Scenario.findings("networkpolicy", in: "networkpolicy-no-pods") { snapshot in
            let index = snapshot.networkPolicies.firstIndex { $0.metadata.name == "api-allow-frontend" }!
            snapshot.networkPolicies[index].spec?.podSelector = LabelSelector(matchLabels: ["app": "api"])
            snapshot.pods.removeAll { $0.metadata.labels["app"] == "api" }
        }.isEmpty, "api is scaled to 0 (or its pods come later): the policy is right for when they run")
    }
}
