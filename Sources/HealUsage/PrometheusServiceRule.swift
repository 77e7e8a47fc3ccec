/// How a Prometheus Helm chart labels its server's Service, and the name of the port that
/// serves the HTTP API. `all` is in priority order: when several are found, the earliest wins.
package struct PrometheusServiceRule: Sendable, Equatable, CustomStringConvertible {
    package var chart: String
    /// A label selector as the API server takes it.
    package var selector: String
    package var port: String

    package init(chart: String, selector: String, port: String) {
        self.chart = chart
        self.selector = selector
        self.port = port
    }

    package static let all = [
        // The chart's own Service (port 9090) before the operator's headless one for the same pods.
        PrometheusServiceRule(chart: "kube-prometheus-stack", selector: "app=kube-prometheus-stack-prometheus", port: "http-web"),
        PrometheusServiceRule(chart: "prometheus-operator", selector: "operated-prometheus=true", port: "web"),
        // prometheus-community/prometheus (port 80), with its current labels, then its old ones.
        PrometheusServiceRule(
            chart: "prometheus", selector: "app.kubernetes.io/name=prometheus,app.kubernetes.io/component=server", port: "http"),
        PrometheusServiceRule(chart: "prometheus (legacy labels)", selector: "app=prometheus,component=server", port: "http"),
    ]

    /// "a Service labelled app=prometheus,component=server with a port named http (prometheus chart)".
    package var description: String {
        "a Service labelled \(selector) with a port named \(port) (\(chart))"
    }
}
