import Foundation
import HealKube
import HealTestSupport
import Testing
@testable import HealUsage

@Suite("Prometheus discovery through the API server")
struct PrometheusDiscoveryTests {
    let cluster: FakeCluster
    init() throws { cluster = try FakeCluster() }

    func service(_ namespace: String, _ name: String, labels: [String: String], ports: [(String, Int)]) throws {
        let labelText = labels.map { #""\#($0.key)":"\#($0.value)""# }.joined(separator: ",")
        let portText = ports.map { #"{"name":"\#($0.0)","protocol":"TCP","port":\#($0.1),"targetPort":9090}"# }.joined(separator: ",")
        try cluster.create(json: #"""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"\#(name)","namespace":"\#(namespace)","labels":{\#(labelText)}},
             "spec":{"type":"ClusterIP","selector":{"app":"\#(name)"},"ports":[\#(portText)]}}
            """#)
    }

    func discover(namespace: String = "default") async throws -> DiscoveredPrometheus {
        try await PrometheusDiscovery(client: UsageTestClients.client(cluster)).discover(namespace: namespace)
    }

    @Test("kube-prometheus-stack wins over the operator's Service and the prometheus chart's; the others are reported")
    func priority() async throws {
        try service("metrics", "prometheus-server", labels: ["app.kubernetes.io/name": "prometheus", "app.kubernetes.io/component": "server"], ports: [("http", 80)])
        try service("monitoring", "prometheus-operated", labels: ["operated-prometheus": "true"], ports: [("web", 9090)])
        try service("monitoring", "kps-kube-prometheus-stack-prometheus", labels: ["app": "kube-prometheus-stack-prometheus", "release": "kps"],
                    ports: [("http-web", 9090), ("reloader-web", 8080)])

        let found = try await discover()

        #expect(found.chosen.service == PrometheusService(namespace: "monitoring", name: "kps-kube-prometheus-stack-prometheus", port: "http-web"))
        #expect(found.chosen.portNumber == 9090)
        #expect(found.passedOver.map(\.service.description) == ["monitoring/prometheus-operated:web", "metrics/prometheus-server:http"])
        #expect(found.namespace == nil)
        #expect(found.summary == "Prometheus: monitoring/kps-kube-prometheus-stack-prometheus:http-web (kube-prometheus-stack, port 9090) "
            + "through the API server's proxy; also found monitoring/prometheus-operated:web (prometheus-operator, port 9090), "
            + "metrics/prometheus-server:http (prometheus, port 80)")
        #expect(cluster.server.requests(path: "/api/v1/services").compactMap { $0.query("labelSelector") } == PrometheusServiceRule.all.map(\.selector))
    }

    @Test("two Services of the same chart: the namespace, then the name, decides")
    func ambiguity() async throws {
        try service("team-b", "prometheus-server", labels: ["app": "prometheus", "component": "server"], ports: [("http", 80)])
        try service("team-a", "z-prometheus-server", labels: ["app": "prometheus", "component": "server"], ports: [("http", 80)])
        try service("team-a", "a-prometheus-server", labels: ["app": "prometheus", "component": "server"], ports: [("http", 80)])

        let found = try await discover()

        #expect(found.chosen.service.description == "team-a/a-prometheus-server:http")
        #expect(found.chosen.rule.chart == "prometheus (legacy labels)")
        #expect(found.passedOver.map(\.service.description) == ["team-a/z-prometheus-server:http", "team-b/prometheus-server:http"])
    }

    @Test("a Service with the labels but not the chart's port is not a candidate")
    func missingPort() async throws {
        try service("monitoring", "prometheus-server", labels: ["app": "prometheus", "component": "server"], ports: [("metrics", 9090)])

        await #expect(throws: UsageError.self) { try await discover() }
    }

    @Test("none found: prometheusNotFound lists every Service looked for, in priority order")
    func noneFound() async throws {
        try service("shop", "web", labels: ["app": "web"], ports: [("http", 80)])

        let error = try await #require(throws: UsageError.self) { try await discover() }

        #expect(error == .prometheusNotFound(namespace: nil, lookedFor: [
            "a Service labelled app=kube-prometheus-stack-prometheus with a port named http-web (kube-prometheus-stack)",
            "a Service labelled operated-prometheus=true with a port named web (prometheus-operator)",
            "a Service labelled app.kubernetes.io/name=prometheus,app.kubernetes.io/component=server with a port named http (prometheus)",
            "a Service labelled app=prometheus,component=server with a port named http (prometheus (legacy labels))",
        ]))
    }

    @Test("listing Services at cluster scope forbidden (403): it looks in the given namespace and says so")
    func forbiddenClusterWide() async throws {
        cluster.server.script(path: "/api/v1/services", responses: [.status(
            code: 403, reason: "Forbidden",
            message: #"services is forbidden: User "system:serviceaccount:shop:viewer" cannot list resource "services" in API group "" at the cluster scope"#)])
        try service("shop", "prometheus-server", labels: ["app.kubernetes.io/name": "prometheus", "app.kubernetes.io/component": "server"], ports: [("http", 80)])
        try service("monitoring", "prometheus-operated", labels: ["operated-prometheus": "true"], ports: [("web", 9090)])

        let found = try await discover(namespace: "shop")

        #expect(found.chosen.service.description == "shop/prometheus-server:http")
        #expect(found.passedOver.isEmpty)
        #expect(found.namespace == "shop")
        #expect(found.summary.hasSuffix("(looked only in namespace shop: listing Services at cluster scope is forbidden)"))
        #expect(cluster.server.requests(path: "/api/v1/namespaces/shop/services").count == PrometheusServiceRule.all.count)
    }

    @Test("forbidden in the namespace too: the KubeError naming list services")
    func forbiddenEverywhere() async throws {
        let forbidden = ScriptedResponse.status(code: 403, reason: "Forbidden", message: "services is forbidden")
        cluster.server.script(path: "/api/v1/services", responses: [forbidden])
        cluster.server.script(path: "/api/v1/namespaces/shop/services", responses: [forbidden])

        let error = try await #require(throws: KubeError.self) { try await discover(namespace: "shop") }

        #expect(error.request.description == "list services in namespace shop")
    }
}
