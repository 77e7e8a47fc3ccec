import HealKube
import HealStore
import Logging

/// Opens the store `--store` names: the SQLite file, or the ConfigMap through a client built
/// from the cluster flags exactly as the other subcommands build theirs.
package enum FixStoreFactory {
    package static func open(
        _ options: StoreOptions, cluster: ClusterOptions, environment: CLIEnvironment, logLevel: Logger.Level
    ) throws -> any FixStore {
        switch try options.location(in: environment) {
        case .file(let path):
            return try SQLiteFixStore(path: path)
        case .configMap(let namespace, let name):
            let logger = StandardErrorLogHandler.logger("heal", sink: environment.standardError, level: logLevel)
            let connection = try KubeconfigLoader(environment: environment.configEnvironment).load(cluster.overrides)
            return ConfigMapFixStore(client: KubeClient(connection: connection, logger: logger), namespace: namespace, name: name, now: environment.now)
        }
    }
}
