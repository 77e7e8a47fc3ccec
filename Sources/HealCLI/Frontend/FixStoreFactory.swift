import HealKube
import HealStore
import Logging

/// Opens the store `--store` names: the SQLite file, or the ConfigMap through `client` when the
/// caller already has one for the cluster (one connection, one credential cache), else through
/// a client built from the cluster flags exactly as the other subcommands build theirs.
package enum FixStoreFactory {
    package static func open(
        _ options: StoreOptions, cluster: ClusterOptions, environment: CLIEnvironment, logLevel: Logger.Level, client: KubeClient? = nil
    ) throws -> any FixStore {
        switch try options.location(in: environment) {
        case .file(let path):
            return try SQLiteFixStore(path: path, now: environment.now)
        case .configMap(let namespace, let name):
            let client = try client ?? {
                let logger = StandardErrorLogHandler.logger("heal", sink: environment.standardError, level: logLevel)
                return KubeClient(connection: try KubeconfigLoader(environment: environment.configEnvironment).load(cluster.overrides), logger: logger)
            }()
            return ConfigMapFixStore(client: client, namespace: namespace, name: name, now: environment.now)
        }
    }
}
