import HealHTTP

/// Everything needed to talk to one API server, resolved from kubeconfig + flags.
package struct ClusterConnection: Sendable {
    /// Base URL without a trailing slash; may carry a path prefix (API proxies).
    package var server: String
    package var tls: TLSConfiguration
    package var credential: Credential
    package var impersonation: Impersonation?
    /// nil: no limit (`--request-timeout 0`).
    package var requestTimeout: Duration?
    package var proxyURL: String?
    /// The namespace commands use when neither -n nor -A is given.
    package var namespace: String
    package var contextName: String?
    package var clusterName: String?
    package var userName: String?
    /// Where this came from, for messages: `context "dev" (/home/me/.kube/config)`.
    package var origin: String

    package init(
        server: String, tls: TLSConfiguration = TLSConfiguration(), credential: Credential = .none,
        impersonation: Impersonation? = nil, requestTimeout: Duration? = .seconds(30), proxyURL: String? = nil,
        namespace: String = "default", contextName: String? = nil, clusterName: String? = nil,
        userName: String? = nil, origin: String
    ) {
        self.server = server
        self.tls = tls
        self.credential = credential
        self.impersonation = impersonation
        self.requestTimeout = requestTimeout
        self.proxyURL = proxyURL
        self.namespace = namespace
        self.contextName = contextName
        self.clusterName = clusterName
        self.userName = userName
        self.origin = origin
    }
}

package enum Credential: Sendable, Equatable {
    case none
    case token(Redacted<String>)
    /// Re-read when it may have rotated (projected service-account tokens do, hourly).
    case tokenFile(path: String)
    case basic(username: String, password: Redacted<String>)
    case exec(ExecConfig, cluster: ExecClusterInfo)
}

/// What an exec plugin may be told about the cluster (`provideClusterInfo: true`).
package struct ExecClusterInfo: Sendable, Equatable, Encodable {
    package var server: String
    package var tlsServerName: String?
    package var insecureSkipTLSVerify: Bool
    /// Base64, as in the kubeconfig.
    package var certificateAuthorityData: String?

    private enum CodingKeys: String, CodingKey {
        case server
        case tlsServerName = "tls-server-name"
        case insecureSkipTLSVerify = "insecure-skip-tls-verify"
        case certificateAuthorityData = "certificate-authority-data"
    }
}

package struct Impersonation: Sendable, Equatable {
    package var user: String?
    package var groups: [String]

    package init(user: String?, groups: [String]) {
        self.user = user
        self.groups = groups
    }
}
