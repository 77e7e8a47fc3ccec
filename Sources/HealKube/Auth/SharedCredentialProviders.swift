import Synchronization

/// The process's exec-plugin credentials, one provider per plugin configuration: the clients of
/// several contexts that share a kubeconfig user (a run over several clusters) run its plugin
/// once and share the cached result. The cluster is part of the key only when the plugin is told
/// about it (`provideClusterInfo`), since only then may its answer differ per cluster.
enum SharedCredentialProviders {
    private struct Entry {
        let config: ExecConfig
        let cluster: ExecClusterInfo?
        let provider: CredentialProvider
    }

    private static let entries = Mutex<[Entry]>([])

    static func provider(for credential: Credential, pluginTimeout: Duration) -> CredentialProvider {
        guard case .exec(let config, let info) = credential else { return CredentialProvider(credential: credential, pluginTimeout: pluginTimeout) }
        let cluster = config.provideClusterInfo == true ? info : nil
        return entries.withLock { entries in
            if let shared = entries.first(where: { $0.config == config && $0.cluster == cluster }) { return shared.provider }
            let provider = CredentialProvider(credential: credential, pluginTimeout: pluginTimeout)
            entries.append(Entry(config: config, cluster: cluster, provider: provider))
            return provider
        }
    }
}
