import Foundation
import HealHTTP
import HealKube

/// Reaches Prometheus through the API server's service proxy
/// (`/api/v1/namespaces/NS/services/http:NAME:PORT/proxy/<path>`) with the kubeconfig's
/// credentials, TLS and retries: no port-forward, no Prometheus URL to know.
///
/// The API server's own refusals come as a `Status`: 503 (no ready endpoints, or the pod not
/// answering) is `prometheusUnreachable` naming the Service; the rest (401/403 for
/// `get services/proxy`, a missing Service) is `UsageError.kube`. Prometheus' answers come back
/// whatever their status, except 401/403 from an auth proxy in front of it (`prometheusUnauthorized`).
package struct ServiceProxyPrometheusTransport: PrometheusTransport {
    let client: KubeClient
    package let service: PrometheusService

    package init(client: KubeClient, service: PrometheusService) {
        self.client = client
        self.service = service
    }

    package var endpointDescription: String {
        "service \(service) via the API server proxy"
    }

    package func get(path: String, query: [URLQueryItem]) async throws(UsageError) -> PrometheusHTTPAnswer {
        let response: HTTPResponse
        do {
            response = try await client.proxyGet(
                service.proxyPath + path, query: query.map { ($0.name, $0.value ?? "") }, resource: "services/proxy",
                namespace: service.namespace, name: "http:\(service.name):\(service.port)")
        } catch {
            if error.httpStatus == 503 {
                throw .prometheusUnreachable(endpoint: endpointDescription, reason: error.serverMessage)
            }
            throw .kube(error)
        }
        if response.status == 401 || response.status == 403 {
            throw .prometheusUnauthorized(endpoint: endpointDescription, status: response.status)
        }
        return PrometheusHTTPAnswer(status: response.status, body: response.body)
    }
}
