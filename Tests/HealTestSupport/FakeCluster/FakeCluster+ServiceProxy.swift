import Foundation

/// The service proxy of the fake cluster (`/api/v1/namespaces/NS/services/http:NAME:PORT/proxy/…`):
/// a Service with a ready pod behind it, and what that pod answers.
///
/// ```swift
/// try await cluster.deployServer(namespace: "monitoring", name: "prometheus-server", portName: "http", port: 80,
///                          labels: ["app.kubernetes.io/name": "prometheus", "app.kubernetes.io/component": "server"])
/// cluster.setServiceProxy(namespace: "monitoring", service: "prometheus-server") { request in
///     .json(#"{"status":"success","data":{"resultType":"vector","result":[]}}"#)
/// }
/// ```
extension FakeCluster {
    /// Answers requests that reach `namespace/service`'s pods through the proxy; `respond` gets
    /// the request with the path after `/proxy` (query and headers as sent).
    package func setServiceProxy(namespace: String, service: String, _ respond: @escaping @Sendable (RecordedRequest) -> UpstreamReply) {
        shared.withLock { $0.upstreams["\(namespace)/\(service)"] = respond }
    }

    /// A Service labelled `labels` with one port (`portName`, `port` → container port 9090) and
    /// a Deployment of `replicas` Ready pods behind it, settled before it returns. With
    /// `replicas: 0` the Service has no endpoints.
    package func deployServer(
        namespace: String, name: String, portName: String, port: Int, labels: [String: String], replicas: Int = 1
    ) async throws {
        let selector = #"{"app.kubernetes.io/instance":"\#(name)"}"#
        let serviceLabels = JSONValue.stringMap(labels).serializedText
        try create(json: #"""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"\#(name)","namespace":"\#(namespace)","labels":\#(serviceLabels)},
             "spec":{"type":"ClusterIP","selector":\#(selector),
              "ports":[{"name":"\#(portName)","protocol":"TCP","port":\#(port),"targetPort":9090}]}}
            """#)
        try create(json: #"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"\#(name)","namespace":"\#(namespace)"},
             "spec":{"replicas":\#(replicas),"selector":{"matchLabels":\#(selector)},
              "template":{"metadata":{"labels":\#(selector)},
               "spec":{"containers":[{"name":"server","image":"nginx:1.27","ports":[{"name":"web","containerPort":9090,"protocol":"TCP"}]}]}}}}
            """#)
        guard await settle() else { throw NotSettled(what: "Deployment \(namespace)/\(name)") }
    }
}
