import Foundation
import HealKube
import HealTestSupport
import Synchronization
import Testing
@testable import HealUsage

@Suite("Prometheus through the API server's service proxy")
struct ServiceProxyPrometheusTransportTests {
    static let service = PrometheusService(namespace: "monitoring", name: "prometheus-server", port: "http")
    static let proxyPath = "/api/v1/namespaces/monitoring/services/http:prometheus-server:http/proxy/api/v1/query"
    static let promQL = #"sum by (pod) (rate(container_cpu_usage_seconds_total{namespace="shop",pod=~"web-.*",container!=""}[5m]))"#
    static let success = #"{"status":"success","data":{"resultType":"vector","result":[]}}"#

    let cluster: FakeCluster
    init() throws { cluster = try FakeCluster() }

    var transport: ServiceProxyPrometheusTransport {
        ServiceProxyPrometheusTransport(client: UsageTestClients.client(cluster), service: Self.service)
    }

    func deployPrometheus(replicas: Int = 1) async throws {
        try await cluster.deployServer(
            namespace: "monitoring", name: "prometheus-server", portName: "http", port: 80,
            labels: ["app.kubernetes.io/name": "prometheus", "app.kubernetes.io/component": "server"], replicas: replicas)
    }

    @Test("a PromQL with braces, quotes and =~ reaches Prometheus intact, on the proxy path")
    func pathAndQuery() async throws {
        try await deployPrometheus()
        let seen = Mutex<[RecordedRequest]>([])
        cluster.setServiceProxy(namespace: "monitoring", service: "prometheus-server") { request in
            seen.withLock { $0.append(request) }
            return .json(Self.success)
        }

        let answer = try await transport.get(path: "/api/v1/query", query: [
            URLQueryItem(name: "query", value: Self.promQL), URLQueryItem(name: "time", value: "1795860000"),
        ])

        #expect(answer.status == 200)
        #expect(String(decoding: answer.body, as: UTF8.self) == Self.success)
        let received = try #require(cluster.server.requests(path: Self.proxyPath).first)
        #expect(received.queryItems == [URLQueryItem(name: "query", value: Self.promQL), URLQueryItem(name: "time", value: "1795860000")])
        #expect(seen.withLock { $0.map(\.path) } == ["/api/v1/query"])
        #expect(transport.endpointDescription == "service monitoring/prometheus-server:http via the API server proxy")
    }

    @Test("Prometheus' own error answer (422) comes back to be read, not retried")
    func prometheusError() async throws {
        try await deployPrometheus()
        let body = #"{"status":"error","errorType":"execution","error":"query processing would load too many samples into memory"}"#
        cluster.setServiceProxy(namespace: "monitoring", service: "prometheus-server") { _ in .json(body, status: 422) }

        let answer = try await transport.get(path: "/api/v1/query", query: [URLQueryItem(name: "query", value: "up")])

        #expect(answer.status == 422)
        #expect(String(decoding: answer.body, as: UTF8.self) == body)
        #expect(cluster.server.requests(path: Self.proxyPath).count == 1)
    }

    @Test("no ready endpoints (503 from the API server) → prometheusUnreachable naming the Service")
    func noEndpoints() async throws {
        try await deployPrometheus(replicas: 0)

        let error = try await #require(throws: UsageError.self) {
            try await transport.get(path: "/api/v1/query", query: [URLQueryItem(name: "query", value: "up")])
        }

        #expect(error == .prometheusUnreachable(
            endpoint: "service monitoring/prometheus-server:http via the API server proxy",
            reason: #"no endpoints available for service "prometheus-server""#))
    }

    @Test("a ready pod where nothing listens → prometheusUnreachable with the API server's dial error")
    func nothingListening() async throws {
        try await deployPrometheus()

        let error = try await #require(throws: UsageError.self) {
            try await transport.get(path: "/api/v1/query", query: [URLQueryItem(name: "query", value: "up")])
        }

        guard case .prometheusUnreachable(_, let reason) = error else {
            Issue.record("expected prometheusUnreachable, got \(error)")
            return
        }
        #expect(reason.hasPrefix("error trying to reach service: dial tcp "))
        #expect(reason.hasSuffix(":9090: connect: connection refused"))
    }

    @Test("RBAC refusing the proxy (403 Status) → UsageError.kube naming get services/proxy")
    func forbidden() async throws {
        try await deployPrometheus()
        cluster.server.script(path: Self.proxyPath, responses: [.status(
            code: 403, reason: "Forbidden",
            message: #"services "http:prometheus-server:http" is forbidden: User "dev" cannot get resource "services/proxy" in API group "" in the namespace "monitoring""#)])

        let error = try await #require(throws: UsageError.self) {
            try await transport.get(path: "/api/v1/query", query: [URLQueryItem(name: "query", value: "up")])
        }

        guard case .kube(let kube) = error else {
            Issue.record("expected UsageError.kube, got \(error)")
            return
        }
        #expect(kube.httpStatus == 403)
        #expect(kube.request.description == "get services/proxy http:prometheus-server:http in namespace monitoring")
    }

    @Test("an auth proxy in front of Prometheus refusing (401, not a Status) → prometheusUnauthorized")
    func upstreamUnauthorized() async throws {
        try await deployPrometheus()
        cluster.setServiceProxy(namespace: "monitoring", service: "prometheus-server") { _ in
            UpstreamReply(status: 401, contentType: "text/plain; charset=utf-8", body: Data("Unauthorized\n".utf8))
        }

        let error = try await #require(throws: UsageError.self) {
            try await transport.get(path: "/api/v1/query", query: [URLQueryItem(name: "query", value: "up")])
        }

        #expect(error == .prometheusUnauthorized(endpoint: transport.endpointDescription, status: 401))
    }
}
