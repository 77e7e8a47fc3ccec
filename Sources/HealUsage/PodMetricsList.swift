import HealModel

/// `GET /apis/metrics.k8s.io/v1beta1[/namespaces/NS]/pods`: metrics-server does not page.
package struct PodMetricsList: Decodable, Sendable {
    @DefaultEmpty package var items: [PodMetrics]
}
