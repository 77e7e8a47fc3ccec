import HealKube
import Logging
import Synchronization

/// What a long-running front end (the MCP server) keeps per cluster connection between its
/// calls: one client (one connection pool, one credential cache: an exec plugin runs once) and
/// one set of informers. A diagnosis after the first reads every kind whose informer is current
/// from its store instead of listing it again; the fixes it verifies share the pod informers.
/// Memory grows with the scopes asked for (each namespace, or all) and shrinks again: an informer
/// not asked for in `idleAfter` is stopped. The clients log to the front end's own logger (its
/// stderr), not to one call's.
package final class LiveClusters: Sendable {
    package struct Live: Sendable {
        package let client: KubeClient
        package let informers: SharedInformers
    }

    /// How long an informer nobody asks for keeps running: a scope an agent looked at once does
    /// not hold its memory for the server's whole life.
    static let idleAfter: Duration = .seconds(600)

    private let entries = Mutex<[String: (connection: ClusterConnection, live: Live)]>([:])
    private let logger: Logger

    package init(logger: Logger) {
        self.logger = logger
    }

    /// The client and informers of this connection, made on first use, and made again when the
    /// kubeconfig's credential or TLS settings for it changed (the old informers stop).
    func live(_ connection: ClusterConnection) -> Live {
        let key = [connection.origin, connection.server, connection.userName ?? "", connection.impersonation.map { "\($0)" } ?? ""].joined(separator: "|")
        let (live, replaced) = entries.withLock { entries -> (Live, Live?) in
            let kept = entries[key]
            if let kept, kept.connection.credential == connection.credential, kept.connection.tls == connection.tls {
                return (kept.live, nil)
            }
            let client = KubeClient(connection: connection, logger: logger)
            let live = Live(
                client: client, informers: SharedInformers(client: client, connectivity: WatchConnectivity(logger: logger), idleAfter: Self.idleAfter))
            entries[key] = (connection, live)
            return (live, kept?.live)
        }
        replaced?.informers.stopAll()
        return live
    }

    /// Stops every informer, when the front end ends.
    package func stopAll() {
        for entry in entries.withLock({ $0.values }) { entry.live.informers.stopAll() }
    }
}
