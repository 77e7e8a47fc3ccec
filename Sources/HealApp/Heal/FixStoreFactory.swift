import HealKube
import HealStore
import Logging

/// Opens the store `store` names (a SQLite path, configmap://NAMESPACE/NAME, or nil for the
/// default): the SQLite file, or the ConfigMap through `client` when the caller already has one
/// for the cluster (one connection, one credential cache), else through a client built from
/// `cluster` exactly as the other use cases build theirs.
enum FixStoreFactory {
    static func open(
        _ store: String?, cluster: ConfigOverrides, environment: AppEnvironment, logLevel: Logger.Level, client: KubeClient? = nil
    ) throws -> any FixStore {
        switch try environment.storeLocation(store) {
        case .file(let path):
            return try SQLiteFixStore(path: path, now: environment.now)
        case .configMap(let namespace, let name):
            let client = try client ?? {
                let logger = environment.logger(level: logLevel)
                return KubeClient(connection: try KubeconfigLoader(environment: environment.configEnvironment).load(cluster), logger: logger)
            }()
            return ConfigMapFixStore(client: client, namespace: namespace, name: name, now: environment.now)
        }
    }
}
