import Foundation
import HealActions
import HealAnalysis
import HealKube
import Logging

/// The cluster side of the failover subcommands: one connection, the observer of the Service,
/// and an executor whose steps are reported as they end. Errors carry the context and server
/// so the presenter can name them.
struct FailoverSession {
    let environment: CLIEnvironment
    let logger: Logger
    let connection: ClusterConnection
    let observer: FailoverObserver
    let namespaceNamed: Bool

    init(environment: CLIEnvironment, cluster: ClusterOptions, target: FailoverTargetOptions, logLevel: Logger.Level) throws {
        self.environment = environment
        logger = StandardErrorLogHandler.logger("heal", sink: environment.standardError, level: logLevel)
        connection = try KubeconfigLoader(environment: environment.configEnvironment).load(cluster.overrides)
        let client = KubeClient(connection: connection, logger: logger)
        observer = FailoverObserver(client: client, service: target.service, namespace: cluster.namespace ?? connection.namespace, label: target.label)
        namespaceNamed = cluster.namespace != nil
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
            throw ClusterFailure(
                underlying: error,
                situation: ErrorPresenter.Situation(context: connection.contextName, server: connection.server, user: connection.userName))
        }
    }
}
