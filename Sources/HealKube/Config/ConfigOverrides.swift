/// The kubectl-compatible flags that change which cluster and identity are used.
package struct ConfigOverrides: Sendable {
    package var kubeconfig: String?
    package var context: String?
    package var cluster: String?
    package var user: String?
    package var namespace: String?
    package var impersonateUser: String?
    package var impersonateGroups: [String]
    /// nil: the default (30s); `.zero`: no limit.
    package var requestTimeout: Duration?
    package var insecureSkipTLSVerify: Bool

    package init(
        kubeconfig: String? = nil, context: String? = nil, cluster: String? = nil, user: String? = nil,
        namespace: String? = nil, impersonateUser: String? = nil, impersonateGroups: [String] = [],
        requestTimeout: Duration? = nil, insecureSkipTLSVerify: Bool = false
    ) {
        self.kubeconfig = kubeconfig
        self.context = context
        self.cluster = cluster
        self.user = user
        self.namespace = namespace
        self.impersonateUser = impersonateUser
        self.impersonateGroups = impersonateGroups
        self.requestTimeout = requestTimeout
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
    }
}

/// Where the process looks for configuration; injected so tests never read the real home.
package struct ConfigEnvironment: Sendable {
    package var variables: [String: String]
    package var homeDirectory: String
    package var serviceAccountDirectory: String

    package init(
        variables: [String: String], homeDirectory: String,
        serviceAccountDirectory: String = "/var/run/secrets/kubernetes.io/serviceaccount"
    ) {
        self.variables = variables
        self.homeDirectory = homeDirectory
        self.serviceAccountDirectory = serviceAccountDirectory
    }
}
