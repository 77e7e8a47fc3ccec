import HealUsage

/// Messages, hints and exit codes for failures reading usage (Prometheus, metrics-server).
enum UsageErrorPresenter {
    static func present(_ error: UsageError, situation: ErrorPresenter.Situation) -> PresentedError {
        switch error {
        case .prometheusUnreachable(let endpoint, let reason):
            PresentedError(
                message: "cannot reach Prometheus at \(endpoint): \(reason)",
                hint: "check --prometheus-url (or the Service), or read usage from metrics-server with --usage-source metrics-server",
                exitCode: ExitStatus.unavailable)
        case .prometheusUnauthorized(let endpoint, let status):
            PresentedError(
                message: "Prometheus at \(endpoint) refused the credentials (HTTP \(status))",
                hint: "give a token with --prometheus-token-file or $KUBECTL_HEAL_PROMETHEUS_TOKEN, or basic auth with --prometheus-user and $KUBECTL_HEAL_PROMETHEUS_PASSWORD",
                exitCode: ExitStatus.permissionDenied)
        case .prometheusQueryFailed(let endpoint, let query, let status, let errorType, let message):
            PresentedError(
                message: "Prometheus at \(endpoint) failed the query \(query) (HTTP \(status)\(errorType.map { ", \($0)" } ?? "")): \(message)",
                hint: "a shorter --history or a coarser --step asks Prometheus for less; -vv logs every query",
                exitCode: ExitStatus.unavailable)
        case .prometheusAnswerInvalid(let endpoint, let query, let detail):
            PresentedError(
                message: "\(endpoint) did not answer the query \(query) as the Prometheus HTTP API does: \(detail)",
                hint: "point --prometheus-url at the Prometheus server itself (its /api/v1/query must answer)",
                exitCode: ExitStatus.unavailable)
        case .metricsAnswerInvalid(let path, let detail):
            PresentedError(
                message: "\(path) did not answer with a PodMetricsList: \(detail)",
                hint: "check the metrics-server deployment (kubectl get apiservice v1beta1.metrics.k8s.io), or use Prometheus",
                exitCode: ExitStatus.unavailable)
        case .metricsServerUnavailable(let path, let status, let detail):
            PresentedError(
                message: "metrics-server is not available: \(path) answered \(status) (\(detail))",
                hint: status == 404
                    ? "install metrics-server, or read usage from Prometheus with --prometheus-url"
                    : "check `kubectl get apiservice v1beta1.metrics.k8s.io` and the metrics-server pods, or use --prometheus-url",
                exitCode: ExitStatus.unavailable)
        case .prometheusNotFound(let namespace, let lookedFor):
            PresentedError(
                message: "no Prometheus Service found \(namespace.map { "in namespace \($0)" } ?? "in the cluster") (looked for \(lookedFor.joined(separator: "; ")))",
                hint: "give its address with --prometheus-url, or use --usage-source metrics-server",
                exitCode: ExitStatus.unavailable)
        case .prometheusOptionInvalid(let option, let reason):
            PresentedError(
                message: "\(option) \(reason)", hint: "see `kubectl heal recommend-limits --help` for the Prometheus options",
                exitCode: ExitStatus.usage)
        case .kube(let error):
            KubeErrorPresenter.present(error, situation: situation)
        }
    }
}
