import Foundation
import HealTestSupport
import Testing

/// The fake cluster's metrics.k8s.io and service proxy answer with kube-apiserver's and
/// metrics-server's exact shapes.
@Suite("FakeCluster serves metrics.k8s.io and the service proxy")
struct FakeClusterMetricsAndProxyTests {
    let cluster: FakeCluster
    let client: HTTPTestClient

    init() throws {
        // What is served, not timing: every write settles before it returns.
        cluster = try FakeCluster(timing: .instant)
        client = try HTTPTestClient(port: cluster.server.port)
    }

    @Test("without usage, metrics.k8s.io is not served: the API server's generic 404 Status")
    func notServed() throws {
        let response = try client.request("/apis/metrics.k8s.io/v1beta1/pods")

        #expect(response.status == 404)
        #expect(response.text == #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","#
            + #""message":"the server could not find the requested resource","reason":"NotFound","code":404}"#)
    }

    @Test("usage is served as metrics-server writes it: Running pods only, canonical quantities")
    func served() throws {
        let web = try FakeClusterWorkload(cluster, name: "web", image: "nginx:1.27")
        cluster.setUsage(namespace: "demo", deployment: "web", container: "web", cpu: "250m", memory: "128Mi")
        let pod = try #require(try web.pods().first?["metadata"]?["name"]?.string)
        cluster.setUsage(namespace: "demo", pod: pod, container: "web", cpu: "1423108n", memory: "12181504")

        let list = try client.request("/apis/metrics.k8s.io/v1beta1/namespaces/demo/pods").json()

        #expect(list["kind"] == .string("PodMetricsList"))
        #expect(list["apiVersion"] == .string("metrics.k8s.io/v1beta1"))
        #expect(list["metadata"] == .object([:]))
        let item = try #require(list["items"]?[0])
        #expect(item["metadata"]?["name"] == .string(pod))
        #expect(item["metadata"]?["labels"]?["app"] == .string("web"))
        #expect(item["window"] != nil && item["timestamp"] != nil)
        #expect(item["containers"] == .array([.object([
            "name": .string("web"), "usage": .object(["cpu": .string("1423108n"), "memory": .string("11896Ki")]),
        ])]))
    }

    @Test("metrics-server down: the aggregator's plain-text 503")
    func down() throws {
        cluster.setUsage(namespace: "demo", deployment: "web", container: "web", cpu: "250m", memory: "128Mi")
        cluster.stopMetricsServer()

        let response = try client.request("/apis/metrics.k8s.io/v1beta1/namespaces/demo/pods")

        #expect(response.status == 503)
        #expect(response.text == "service unavailable\n")
    }

    @Test("the service proxy of a Service without ready endpoints is the API server's 503 Status")
    func noEndpoints() async throws {
        try await cluster.deployServer(namespace: "monitoring", name: "prometheus", portName: "web", port: 9090, labels: [:], replicas: 0)

        let response = try client.request("/api/v1/namespaces/monitoring/services/http:prometheus:web/proxy/api/v1/query")

        #expect(response.status == 503)
        #expect(response.text == #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","#
            + #""message":"no endpoints available for service \"prometheus\"","reason":"ServiceUnavailable","code":503}"#)
    }

    @Test("the service proxy reaches the test's upstream by port name or number; a missing Service is 404")
    func upstream() async throws {
        try await cluster.deployServer(namespace: "monitoring", name: "prometheus", portName: "web", port: 9090, labels: [:])
        cluster.setServiceProxy(namespace: "monitoring", service: "prometheus") { request in
            .json(#"{"path":"\#(request.path)","query":"\#(request.query("query") ?? "")"}"#)
        }

        let byName = try client.request("/api/v1/namespaces/monitoring/services/http:prometheus:web/proxy/api/v1/query?query=up")
        let byNumber = try client.request("/api/v1/namespaces/monitoring/services/prometheus:9090/proxy/-/ready")
        let unknownPort = try client.request("/api/v1/namespaces/monitoring/services/prometheus:80/proxy/-/ready")
        let missing = try client.request("/api/v1/namespaces/monitoring/services/http:grafana:web/proxy/")

        #expect(byName.status == 200)
        #expect(byName.text == #"{"path":"/api/v1/query","query":"up"}"#)
        #expect(byNumber.text == #"{"path":"/-/ready","query":""}"#)
        #expect(unknownPort.status == 503)
        #expect(try unknownPort.json()["message"] == .string(#"no service port 80 found for service "prometheus""#))
        #expect(missing.status == 404)
        #expect(try missing.json()["message"] == .string(#"endpoints "grafana" not found"#))
    }
}
