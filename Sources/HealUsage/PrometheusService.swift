/// A Prometheus server's Service and the port (name or number) the API server's service proxy
/// reaches it on.
package struct PrometheusService: Sendable, Equatable, CustomStringConvertible {
    package var namespace: String
    package var name: String
    package var port: String

    package init(namespace: String, name: String, port: String) {
        self.namespace = namespace
        self.name = name
        self.port = port
    }

    /// "monitoring/prometheus-server:http".
    package var description: String { "\(namespace)/\(name):\(port)" }

    /// `/api/v1/namespaces/NS/services/http:NAME:PORT/proxy`: plain HTTP, as the charts serve it.
    package var proxyPath: String {
        "/api/v1/namespaces/\(namespace)/services/http:\(name):\(port)/proxy"
    }
}
