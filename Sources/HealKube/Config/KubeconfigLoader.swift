import Foundation
import HealModel
import HealHTTP

/// Finds and resolves the cluster configuration exactly as kubectl does:
/// `--kubeconfig` (one file, must exist) › `$KUBECONFIG` (a `:`-separated list, missing files
/// skipped) › `~/.kube/config` › the in-cluster service account. Flags then pick and override
/// the context, cluster, user and namespace.
package struct KubeconfigLoader: Sendable {
    package static let defaultRequestTimeout: Duration = .seconds(30)

    private let environment: ConfigEnvironment

    package init(environment: ConfigEnvironment) {
        self.environment = environment
    }

    package func load(_ overrides: ConfigOverrides) throws(KubeConfigError) -> ClusterConnection {
        let files = try kubeconfigFiles(overrides)
        if files.isEmpty {
            if InClusterConfig.isAvailable(in: environment) {
                return try InClusterConfig.connection(environment: environment, overrides: overrides)
            }
            throw .noConfiguration(searched: searchedLocations())
        }
        let merged = try MergedKubeconfig.load(files: files)
        return try resolve(merged, overrides: overrides)
    }

    /// All context names across the configured files, for completion and error messages.
    package func contextNames(_ overrides: ConfigOverrides) -> [String] {
        guard let files = try? kubeconfigFiles(overrides), let merged = try? MergedKubeconfig.load(files: files) else {
            return []
        }
        return merged.contexts.keys.sorted()
    }

    private func kubeconfigFiles(_ overrides: ConfigOverrides) throws(KubeConfigError) -> [String] {
        let fileManager = FileManager.default
        if let explicit = overrides.kubeconfig {
            guard fileManager.fileExists(atPath: explicit) else {
                throw .fileUnreadable(path: explicit, reason: "no such file")
            }
            return [explicit]
        }
        if let list = environment.variables["KUBECONFIG"], !list.isEmpty {
            var seen = Set<String>()
            return list.split(separator: ":").map(String.init).filter { path in
                !path.isEmpty && seen.insert(path).inserted && fileManager.fileExists(atPath: path)
            }
        }
        let home = "\(environment.homeDirectory)/.kube/config"
        return fileManager.fileExists(atPath: home) ? [home] : []
    }

    private func searchedLocations() -> [String] {
        var searched: [String] = []
        if let list = environment.variables["KUBECONFIG"], !list.isEmpty {
            searched.append("$KUBECONFIG=\(list)")
        } else {
            searched.append("\(environment.homeDirectory)/.kube/config")
        }
        searched.append("in-cluster service account (KUBERNETES_SERVICE_HOST is not set)")
        return searched
    }

    private func resolve(_ config: MergedKubeconfig, overrides: ConfigOverrides) throws(KubeConfigError) -> ClusterConnection {
        let availableContexts = config.contexts.keys.sorted()
        let contextName = overrides.context ?? config.currentContext
        var context: MergedKubeconfig.Entry<KubeconfigFile.ContextEntry>?
        if let contextName, !contextName.isEmpty {
            guard let found = config.contexts[contextName] else {
                throw .contextNotFound(name: contextName, available: availableContexts, files: config.files)
            }
            context = found
        } else if overrides.cluster == nil {
            throw .noCurrentContext(files: config.files, available: availableContexts)
        }

        guard let clusterName = overrides.cluster ?? context?.value.cluster, !clusterName.isEmpty else {
            throw .clusterNotFound(name: "", context: contextName, available: config.clusters.keys.sorted())
        }
        guard let cluster = config.clusters[clusterName] else {
            throw .clusterNotFound(name: clusterName, context: contextName, available: config.clusters.keys.sorted())
        }
        let userName = overrides.user ?? context?.value.user
        var user: MergedKubeconfig.Entry<KubeconfigFile.UserEntry>?
        if let userName, !userName.isEmpty {
            guard let found = config.users[userName] else {
                throw .userNotFound(name: userName, context: contextName, available: config.users.keys.sorted())
            }
            user = found
        }

        let server = try serverURL(cluster.value, name: clusterName)
        var tls = try clusterTLS(cluster, name: clusterName, overrides: overrides)
        var credential = Credential.none
        if let user, let userName {
            try addClientIdentity(user, name: userName, to: &tls)
            credential = try self.credential(user, name: userName, cluster: cluster.value, server: server, tls: tls)
        }
        let origin = contextName.map { "context \"\($0)\" (\(context?.file ?? cluster.file))" } ?? "cluster \"\(clusterName)\" (\(cluster.file))"
        return ClusterConnection(
            server: server,
            tls: tls,
            credential: credential,
            impersonation: impersonation(user?.value, overrides: overrides),
            requestTimeout: requestTimeout(overrides),
            proxyURL: cluster.value.proxyURL,
            namespace: overrides.namespace.nonEmpty ?? context?.value.namespace.nonEmpty ?? "default",
            contextName: contextName,
            clusterName: clusterName,
            userName: userName,
            origin: origin
        )
    }

    private func serverURL(_ cluster: KubeconfigFile.ClusterEntry, name: String) throws(KubeConfigError) -> String {
        guard var server = cluster.server.nonEmpty else { throw .serverMissing(cluster: name) }
        // client-go reads "10.0.0.1:6443" as https://10.0.0.1:6443.
        if !server.contains("://") { server = "https://" + server }
        guard let url = URL(string: server), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw .invalidServerURL(cluster: name, url: server)
        }
        return server.hasSuffix("/") ? String(server.dropLast()) : server
    }

    private func clusterTLS(
        _ cluster: MergedKubeconfig.Entry<KubeconfigFile.ClusterEntry>, name: String, overrides: ConfigOverrides
    ) throws(KubeConfigError) -> TLSConfiguration {
        var tls = TLSConfiguration(serverName: cluster.value.tlsServerName.nonEmpty)
        // The flag wins over any CA in the file, as in kubectl.
        if overrides.insecureSkipTLSVerify || cluster.value.insecureSkipTLSVerify == true {
            tls.verifyPeer = false
            return tls
        }
        let entry = "cluster \"\(name)\""
        if let data = cluster.value.certificateAuthorityData.nonEmpty {
            tls.certificateAuthority = .data(try base64(data, field: "certificate-authority-data", entry: entry))
        } else if let path = cluster.value.certificateAuthority.nonEmpty {
            tls.certificateAuthority = .data(try readFile(path, relativeTo: cluster.directory, field: "certificate-authority", entry: entry))
        }
        return tls
    }

    private func addClientIdentity(
        _ user: MergedKubeconfig.Entry<KubeconfigFile.UserEntry>, name: String, to tls: inout TLSConfiguration
    ) throws(KubeConfigError) {
        let entry = "user \"\(name)\""
        if let data = user.value.clientCertificateData.nonEmpty {
            tls.clientCertificate = .data(try base64(data, field: "client-certificate-data", entry: entry))
        } else if let path = user.value.clientCertificate.nonEmpty {
            tls.clientCertificate = .data(try readFile(path, relativeTo: user.directory, field: "client-certificate", entry: entry))
        }
        if let data = user.value.clientKeyData.nonEmpty {
            tls.clientKey = Redacted(.data(try base64(data, field: "client-key-data", entry: entry)))
        } else if let path = user.value.clientKey.nonEmpty {
            tls.clientKey = Redacted(.data(try readFile(path, relativeTo: user.directory, field: "client-key", entry: entry)))
        }
        if (tls.clientCertificate == nil) != (tls.clientKey == nil) {
            throw .conflictingCredentials(user: name, detail: "a client certificate needs both client-certificate and client-key")
        }
    }

    private func credential(
        _ user: MergedKubeconfig.Entry<KubeconfigFile.UserEntry>, name: String,
        cluster: KubeconfigFile.ClusterEntry, server: String, tls: TLSConfiguration
    ) throws(KubeConfigError) -> Credential {
        let value = user.value
        if let provider = value.authProvider {
            throw .unsupportedAuthProvider(name: provider.name, user: name)
        }
        let hasToken = value.token.nonEmpty != nil || value.tokenFile.nonEmpty != nil
        if hasToken, value.username.nonEmpty != nil {
            throw .conflictingCredentials(user: name, detail: "username/password or a bearer token may be set, but not both")
        }
        // As client-go: credentials written in the kubeconfig win over an exec plugin, which
        // runs only when the user has no token, password or client certificate of its own.
        if let path = value.tokenFile.nonEmpty {
            // A token file is re-read as it rotates and takes precedence over an inline token.
            let absolute = path.hasPrefix("/") ? path : (user.directory as NSString).appendingPathComponent(path)
            _ = try readFile(absolute, relativeTo: user.directory, field: "tokenFile", entry: "user \"\(name)\"")
            return .tokenFile(path: absolute)
        }
        if let token = value.token.nonEmpty {
            return .token(Redacted(token))
        }
        if let username = value.username.nonEmpty {
            return .basic(username: username, password: Redacted(value.password ?? ""))
        }
        if var exec = value.exec, tls.clientCertificate == nil {
            // A command given as a relative path is relative to the kubeconfig's folder.
            if exec.command.contains("/"), !exec.command.hasPrefix("/") {
                exec.command = (user.directory as NSString).appendingPathComponent(exec.command)
            }
            // The CA as data, whether the kubeconfig inlined it or named a file (as client-go does).
            var authority: String?
            if case .data(let pem) = tls.certificateAuthority { authority = pem.base64EncodedString() }
            let info = ExecClusterInfo(
                server: server, tlsServerName: cluster.tlsServerName,
                insecureSkipTLSVerify: !tls.verifyPeer, certificateAuthorityData: authority)
            return .exec(exec, cluster: info)
        }
        return .none
    }

    private func impersonation(_ user: KubeconfigFile.UserEntry?, overrides: ConfigOverrides) -> Impersonation? {
        let name = overrides.impersonateUser.nonEmpty ?? user?.impersonate.nonEmpty
        let groups = overrides.impersonateGroups.isEmpty ? (user?.impersonateGroups ?? []) : overrides.impersonateGroups
        guard name != nil || !groups.isEmpty else { return nil }
        return Impersonation(user: name, groups: groups)
    }

    private func requestTimeout(_ overrides: ConfigOverrides) -> Duration? {
        guard let timeout = overrides.requestTimeout else { return Self.defaultRequestTimeout }
        return timeout == .zero ? nil : timeout
    }

    private func base64(_ text: String, field: String, entry: String) throws(KubeConfigError) -> Data {
        let compact = text.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: compact) else { throw .invalidBase64(field: field, entry: entry) }
        return data
    }

    private func readFile(_ path: String, relativeTo directory: String, field: String, entry: String) throws(KubeConfigError) -> Data {
        let absolute = path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
        do {
            return try Data(contentsOf: URL(fileURLWithPath: absolute))
        } catch {
            throw .referencedFileUnreadable(field: field, path: absolute, entry: entry, reason: FileErrorReason.describe(error))
        }
    }
}
