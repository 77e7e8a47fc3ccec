/// One kubeconfig file as written (`kubectl config view` keys). Only what clients use.
struct KubeconfigFile: Decodable {
    struct Named<Entry: Decodable>: Decodable {
        var name: String
        var entry: Entry

        private enum CodingKeys: String, CodingKey { case name, cluster, user, context }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            let key: CodingKeys =
                Entry.self == ClusterEntry.self ? .cluster : Entry.self == UserEntry.self ? .user : .context
            entry = try container.decode(Entry.self, forKey: key)
        }
    }

    struct ClusterEntry: Decodable {
        var server: String?
        var certificateAuthority: String?
        var certificateAuthorityData: String?
        var insecureSkipTLSVerify: Bool?
        var tlsServerName: String?
        var proxyURL: String?

        private enum CodingKeys: String, CodingKey {
            case server
            case certificateAuthority = "certificate-authority"
            case certificateAuthorityData = "certificate-authority-data"
            case insecureSkipTLSVerify = "insecure-skip-tls-verify"
            case tlsServerName = "tls-server-name"
            case proxyURL = "proxy-url"
        }
    }

    struct UserEntry: Decodable {
        var clientCertificate: String?
        var clientCertificateData: String?
        var clientKey: String?
        var clientKeyData: String?
        var token: String?
        var tokenFile: String?
        var username: String?
        var password: String?
        var impersonate: String?
        var impersonateGroups: [String]?
        var exec: ExecConfig?
        var authProvider: AuthProvider?

        struct AuthProvider: Decodable {
            var name: String
        }

        private enum CodingKeys: String, CodingKey {
            case clientCertificate = "client-certificate"
            case clientCertificateData = "client-certificate-data"
            case clientKey = "client-key"
            case clientKeyData = "client-key-data"
            case token
            case tokenFile
            case username, password
            case impersonate = "as"
            case impersonateGroups = "as-groups"
            case exec
            case authProvider = "auth-provider"
        }
    }

    struct ContextEntry: Decodable {
        var cluster: String?
        var user: String?
        var namespace: String?
    }

    var clusters: [Named<ClusterEntry>]
    var users: [Named<UserEntry>]
    var contexts: [Named<ContextEntry>]
    var currentContext: String?

    private enum CodingKeys: String, CodingKey {
        case clusters, users, contexts
        case currentContext = "current-context"
    }

    /// An empty configuration.
    init() {
        clusters = []
        users = []
        contexts = []
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        clusters = try container.decodeIfPresent([Named<ClusterEntry>].self, forKey: .clusters) ?? []
        users = try container.decodeIfPresent([Named<UserEntry>].self, forKey: .users) ?? []
        contexts = try container.decodeIfPresent([Named<ContextEntry>].self, forKey: .contexts) ?? []
        currentContext = try container.decodeIfPresent(String.self, forKey: .currentContext)
    }
}

/// `users[].user.exec`: a credential plugin (client.authentication.k8s.io).
package struct ExecConfig: Decodable, Sendable, Equatable {
    package struct EnvVar: Decodable, Sendable, Equatable {
        package var name: String
        package var value: String
    }

    package var apiVersion: String
    package var command: String
    package var args: [String]?
    package var env: [EnvVar]?
    package var installHint: String?
    package var provideClusterInfo: Bool?
    package var interactiveMode: String?
}
