import Foundation
import HealActions
import HealAnalysis
import HealKube
import Logging

/// The cluster side of the failover subcommands: one connection, the observer of the Service,
/// and an executor whose steps are reported as they end. Errors carry the context and server
/// so the presenter can name them.
package struct FailoverSession {
    let environment: AppEnvironment
    let logger: Logger
    let connection: ClusterConnection
    let observer: FailoverObserver
    let namespaceNamed: Bool
    /// Kept between calls by a long-running front end (the MCP server), for read-only looks.
    let informers: SharedInformers?

    /// The Service `service` in the namespace `cluster` names (else the context's); `label`
    /// is the selector key that names the colour, nil to discover it.
    package init(environment: AppEnvironment, cluster: ConfigOverrides, service: String, label: String?, logLevel: Logger.Level) throws {
        self.environment = environment
        logger = environment.logger(level: logLevel)
        connection = try KubeconfigLoader(environment: environment.configEnvironment).load(cluster)
        let kept = environment.liveClusters?.live(connection)
        informers = kept?.informers
        let client = kept?.client ?? KubeClient(connection: connection, logger: logger)
        observer = FailoverObserver(client: client, service: service, namespace: cluster.namespace ?? connection.namespace, label: label)
        namespaceNamed = cluster.namespace != nil
    }

    /// Which colour serves, each colour's state, the verdict: the use case behind `failover
    /// status` and the MCP `failover_status` tool. `readOnly`: nothing will be changed on its
    /// strength, so the kept informers may answer; a switch plans from the API.
    package func status(readOnly: Bool = true) async throws -> FailoverStatus {
        try await run { try await observer.status(now: environment.now(), informers: readOnly ? informers : nil) }
    }

    func executor(force: Bool, policy: HealPolicy? = nil, onStep: @escaping @Sendable (FailoverResult.Step) -> Void) -> FailoverExecutor {
        var settings = FailoverExecutor.Settings(force: force, namespaceNamed: namespaceNamed)
        settings.policy = policy
        return FailoverExecutor(
            observer: observer, events: EventRecorder(client: observer.client, logger: logger, now: environment.now),
            settings: settings, logger: logger,
            now: environment.now, onStep: onStep)
    }

    /// Runs `body`, attaching the cluster in use to API errors.
    func run<Value>(_ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch let error as KubeError {
            throw ClusterFailure(underlying: error, connection: connection)
        }
    }
}
