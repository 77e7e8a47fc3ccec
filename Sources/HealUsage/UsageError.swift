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

    // Direct Prometheus connection options (`--prometheus-*` flags and their environment variables).
    /// A `--prometheus-*` flag or `KUBECTL_HEAL_PROMETHEUS_*` variable is unusable; `reason` says
    /// why without repeating any credential.
    case prometheusOptionInvalid(option: String, reason: String)
}
