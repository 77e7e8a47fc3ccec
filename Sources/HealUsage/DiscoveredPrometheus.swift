/// What `PrometheusDiscovery` found: the Service it chose and the ones it passed over, best
/// first, so the choice can be reported.
package struct DiscoveredPrometheus: Sendable, Equatable {
    package struct Candidate: Sendable, Equatable, CustomStringConvertible {
        package var service: PrometheusService
        package var rule: PrometheusServiceRule
        /// The port's number on the Service (9090, 80), for messages.
        package var portNumber: Int

        package var description: String { "\(service) (\(rule.chart), port \(portNumber))" }
    }

    package var chosen: Candidate
    package var passedOver: [Candidate]
    /// Where it looked; nil: every namespace.
    package var namespace: String?

    /// One line for stderr: "Prometheus: monitoring/kps-prometheus:http-web (kube-prometheus-stack,
    /// port 9090) through the API server's proxy; also found monitoring/prometheus-operated:web (…)".
    package var summary: String {
        var text = "Prometheus: \(chosen) through the API server's proxy"
        if !passedOver.isEmpty { text += "; also found " + passedOver.map(\.description).joined(separator: ", ") }
        if let namespace { text += " (looked only in namespace \(namespace): listing Services at cluster scope is forbidden)" }
        return text
    }
}
