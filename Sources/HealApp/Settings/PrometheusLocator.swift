import HealKube
import HealUsage
import Logging

/// The Prometheus a command reads: `--prometheus-url` directly, else a Prometheus Service of the
/// usual charts found through the API server (its service proxy).
struct PrometheusLocator {
    let environment: AppEnvironment
    let logger: Logger

    /// The client for `--prometheus-url`; nil without one.
    func direct(_ access: PrometheusAccess) throws -> PrometheusClient? {
        guard let url = access.url else { return nil }
        return PrometheusClient(transport: DirectPrometheusTransport(connection: try access.connection(url: url, environment: environment)), logger: logger)
    }

    /// For a command that needs history: --prometheus-url, else one found through the cluster
    /// read (`client`, nil for snapshot files, which have none to offer).
    func history(_ access: PrometheusAccess, client: KubeClient?, namespace: String?) async throws -> PrometheusClient {
        if let direct = try direct(access) { return direct }
        guard let client else { throw AppError.historyNeedsPrometheus }
        return try await discovered(through: client, namespace: namespace)
    }

    /// One found in the cluster, looked for first in `namespace`; throws
    /// `UsageError.prometheusNotFound` when there is none.
    func discovered(through client: KubeClient, namespace: String?) async throws -> PrometheusClient {
        let found = try await PrometheusDiscovery(client: client).discover(namespace: namespace ?? "default")
        logger.info("\(found.summary)")
        return PrometheusClient(transport: ServiceProxyPrometheusTransport(client: client, service: found.chosen.service), logger: logger)
    }
}
