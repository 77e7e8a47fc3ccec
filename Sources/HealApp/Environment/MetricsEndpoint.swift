import HealActions
import Logging

/// A watcher's `--metrics-addr`: the server started on HOST:PORT (nil without an address), and
/// where it listens said once.
enum MetricsEndpoint {
    static func start(_ address: String?, metrics: any MetricsSource, logger: Logger) throws -> MetricsServer? {
        guard let address else { return nil }
        let server = try MetricsServer(address: MetricsAddress(parsing: address), metrics: metrics, logger: logger)
        logger.notice("serving Prometheus metrics on http://\(server.address)/metrics")
        return server
    }
}
