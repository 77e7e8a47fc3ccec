import HealKube

/// Why usage figures could not be read. The CLI presents each with a hint and an exit code
/// (unreachable/TLS/timeout 69, refused credentials 77, bad answers 69, bad options 64).
package enum UsageError: Error, Sendable, Equatable {
    /// The Prometheus endpoint could not be reached (connection refused, DNS, timeout, TLS).
    case prometheusUnreachable(endpoint: String, reason: String)
    /// Prometheus (or a proxy in front of it) refused the credentials: 401/403.
    case prometheusUnauthorized(endpoint: String, status: Int)
    /// Prometheus answered a query with `{"status":"error"}` or a non-2xx status.
    case prometheusQueryFailed(endpoint: String, query: String, status: Int, errorType: String?, message: String)
    /// The answer was not the Prometheus HTTP API's JSON shape.
    case prometheusAnswerInvalid(endpoint: String, query: String, detail: String)
    /// metrics.k8s.io answered with something other than a PodMetricsList.
    case metricsAnswerInvalid(path: String, detail: String)

    // metrics-server, Prometheus discovery and the API server's service proxy.

    /// metrics.k8s.io cannot be read: `status` 404 when the API server does not serve the group
    /// (metrics-server is not installed), 503 when its APIService is registered but
    /// metrics-server does not answer. `detail` is the server's own words.
    case metricsServerUnavailable(path: String, status: Int, detail: String)
    /// No Service carries the labels of a known Prometheus chart. `namespace` is where it looked
    /// (nil: every namespace); `lookedFor` describes each Service looked for, in priority order.
    case prometheusNotFound(namespace: String?, lookedFor: [String])
    /// A request made through the API server for usage figures failed there (credentials,
    /// RBAC, a missing Service, the API server unreachable); the `KubeError` names the verb and resource.
    case kube(KubeError)

    // Direct Prometheus connection options (`--prometheus-*` flags and their environment variables).
    /// A `--prometheus-*` flag or `KUBECTL_HEAL_PROMETHEUS_*` variable is unusable; `reason` says
    /// why without repeating any credential.
    case prometheusOptionInvalid(option: String, reason: String)
}
