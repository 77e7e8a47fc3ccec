import Foundation
import HealHTTP
import HealKube
import HealTestSupport
import Testing

/// How the chosen context becomes a connection: paths relative to the file that names them,
/// kubectl's flag overrides, the namespace chain, TLS switches, impersonation and timeouts.
@Suite("kubeconfig resolution")
struct KubeconfigResolutionTests {
    let workspace: KubeconfigWorkspace  // a fresh temporary home per test
    init() throws { workspace = try KubeconfigWorkspace() }

    @Test("relative certificate, key and token paths resolve against the folder of the file that defines them")
    func relativePathsPerFile() throws {
        try workspace.write("clusters/pki/ca.pem", "CA PEM")
        try workspace.write("users/pki/client.pem", "CLIENT CERT PEM")
        try workspace.write("users/pki/client.key", "CLIENT KEY PEM")
        try workspace.write("users/secrets/token", "file-token\n")
        let clusterFile = try workspace.write("clusters/config", KubeconfigText.file("""
            clusters:
            - name: prod
              cluster:
                server: https://prod.example:6443
                certificate-authority: pki/ca.pem
            contexts:
            - name: prod
              context: {cluster: prod, user: alice}
            current-context: prod
            """))
        let userFile = try workspace.write("users/config", KubeconfigText.file("""
            users:
            - name: alice
              user:
                client-certificate: pki/client.pem
                client-key: pki/client.key
                tokenFile: secrets/token
            """))

        let connection = try workspace.load(variables: ["KUBECONFIG": "\(clusterFile):\(userFile)"])

        #expect(connection.tls.certificateAuthority == .data(Data("CA PEM".utf8)))
        #expect(connection.tls.clientCertificate == .data(Data("CLIENT CERT PEM".utf8)))
        #expect(connection.tls.clientKey == Redacted(.data(Data("CLIENT KEY PEM".utf8))))
        #expect(connection.credential == .tokenFile(path: workspace.path("users/secrets/token")))
    }

    @Test("inline *-data fields are base64-decoded, whitespace and line breaks allowed")
    func inlineData() throws {
        let caBase64 = Data("CA PEM".utf8).base64EncodedString()
        let wrapped = String(caBase64.prefix(4)) + "\n  " + String(caBase64.dropFirst(4))
        let connection = try workspace.load(kubeconfig: KubeconfigText.single(
            server: "https://inline.example:6443",
            cluster: "certificate-authority-data: \"\(wrapped)\"",
            user: """
                client-certificate-data: \(Data("CERT".utf8).base64EncodedString())
                client-key-data: \(Data("KEY".utf8).base64EncodedString())
                """))

        #expect(connection.tls.certificateAuthority == .data(Data("CA PEM".utf8)))
        #expect(connection.tls.clientCertificate == .data(Data("CERT".utf8)))
        #expect(connection.tls.clientKey == Redacted(.data(Data("KEY".utf8))))
    }

    @Test("an exec command with a relative path is relative to the kubeconfig's folder; a bare name stays a PATH lookup")
    func execCommandPaths() throws {
        func command(_ name: String) throws -> String {
            let connection = try workspace.load(
                kubeconfig: KubeconfigText.single(server: "https://exec.example", user: """
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: \(name)
                      interactiveMode: Never
                    """),
                at: "configs/kubeconfig")
            guard case .exec(let exec, _) = connection.credential else {
                Issue.record("expected an exec credential, got \(connection.credential)")
                return ""
            }
            return exec.command
        }

        #expect((try command("./bin/get-token") as NSString).standardizingPath == workspace.path("configs/bin/get-token"))
        #expect((try command("bin/get-token") as NSString).standardizingPath == workspace.path("configs/bin/get-token"))
        #expect(try command("/usr/local/bin/get-token") == "/usr/local/bin/get-token")
        #expect(try command("gke-gcloud-auth-plugin") == "gke-gcloud-auth-plugin")
    }

    @Test("namespace: -n wins, then the context's namespace, then \"default\"")
    func namespaceChain() throws {
        let withNamespace = KubeconfigText.single(server: "https://ns.example", namespace: "payments")
        let without = KubeconfigText.single(server: "https://ns.example")

        #expect(try workspace.load(kubeconfig: withNamespace, ConfigOverrides(namespace: "shop")).namespace == "shop")
        #expect(try workspace.load(kubeconfig: withNamespace).namespace == "payments")
        #expect(try workspace.load(kubeconfig: without).namespace == "default")
        #expect(try workspace.load(kubeconfig: withNamespace, ConfigOverrides(namespace: "")).namespace == "payments")
    }

    @Test("--context picks another context; --cluster and --user replace the context's cluster and user")
    func contextClusterUserFlags() throws {
        let path = try workspace.write("kubeconfig", KubeconfigText.file("""
            clusters:
            - name: dev
              cluster: {server: "https://dev.example:6443"}
            - name: prod
              cluster: {server: "https://prod.example:6443"}
            users:
            - name: dev-user
              user: {token: dev-token}
            - name: prod-user
              user: {token: prod-token}
            contexts:
            - name: dev
              context: {cluster: dev, user: dev-user, namespace: dev-ns}
            - name: prod
              context: {cluster: prod, user: prod-user, namespace: prod-ns}
            current-context: dev
            """))

        let current = try workspace.load(ConfigOverrides(kubeconfig: path))
        #expect(current.contextName == "dev")
        #expect(current.server == "https://dev.example:6443")

        let prod = try workspace.load(ConfigOverrides(kubeconfig: path, context: "prod"))
        #expect(prod.contextName == "prod")
        #expect(prod.server == "https://prod.example:6443")
        #expect(prod.credential == .token(Redacted("prod-token")))
        #expect(prod.namespace == "prod-ns")

        let mixed = try workspace.load(ConfigOverrides(kubeconfig: path, cluster: "prod", user: "prod-user"))
        #expect(mixed.contextName == "dev")
        #expect(mixed.clusterName == "prod")
        #expect(mixed.server == "https://prod.example:6443")
        #expect(mixed.userName == "prod-user")
        #expect(mixed.credential == .token(Redacted("prod-token")))
        #expect(mixed.namespace == "dev-ns", "the namespace still comes from the current context")
    }

    @Test("--insecure-skip-tls-verify turns verification off and drops the kubeconfig's CA")
    func insecureFlagDropsCA() throws {
        let yaml = KubeconfigText.single(
            server: "https://tls.example:6443",
            cluster: "certificate-authority-data: \(Data("CA".utf8).base64EncodedString())")

        let verified = try workspace.load(kubeconfig: yaml)
        #expect(verified.tls.verifyPeer)
        #expect(verified.tls.certificateAuthority == .data(Data("CA".utf8)))

        let insecure = try workspace.load(kubeconfig: yaml, ConfigOverrides(insecureSkipTLSVerify: true))
        #expect(!insecure.tls.verifyPeer)
        #expect(insecure.tls.certificateAuthority == nil)
    }

    @Test("insecure-skip-tls-verify and tls-server-name in the cluster entry reach the TLS settings")
    func clusterTLSFields() throws {

        let insecure = try workspace.load(kubeconfig: KubeconfigText.single(
            server: "https://tls.example:6443", cluster: "insecure-skip-tls-verify: true"))
        #expect(!insecure.tls.verifyPeer)

        let named = try workspace.load(kubeconfig: KubeconfigText.single(
            server: "https://10.0.0.1:6443", cluster: "tls-server-name: kubernetes.default.svc\nproxy-url: http://proxy.example:3128"))
        #expect(named.tls.verifyPeer)
        #expect(named.tls.serverName == "kubernetes.default.svc")
        #expect(named.proxyURL == "http://proxy.example:3128")
    }

    @Test("a trailing slash on the server URL is dropped so API paths join cleanly")
    func serverTrailingSlash() throws {
        let connection = try workspace.load(kubeconfig: KubeconfigText.single(server: "https://proxy.example/k8s/clusters/c-1/"))
        #expect(connection.server == "https://proxy.example/k8s/clusters/c-1")
    }

    @Test("--request-timeout defaults to 30s; 0 means no limit, as in kubectl")
    func requestTimeout() throws {
        let yaml = KubeconfigText.single(server: "https://timeout.example")

        #expect(try workspace.load(kubeconfig: yaml).requestTimeout == .seconds(30))
        #expect(try workspace.load(kubeconfig: yaml, ConfigOverrides(requestTimeout: .seconds(5))).requestTimeout == .seconds(5))
        #expect(try workspace.load(kubeconfig: yaml, ConfigOverrides(requestTimeout: .zero)).requestTimeout == nil)
    }

    @Test("kubeconfig `as`/`as-groups` impersonate; --as/--as-group replace them")
    func impersonationSources() throws {
        let yaml = KubeconfigText.single(server: "https://as.example", user: """
            token: admin-token
            as: jane
            as-groups: [developers, qa]
            """)

        let fromFile = try workspace.load(kubeconfig: yaml)
        #expect(fromFile.impersonation == Impersonation(user: "jane", groups: ["developers", "qa"]))

        let fromFlags = try workspace.load(
            kubeconfig: yaml, ConfigOverrides(impersonateUser: "bob", impersonateGroups: ["oncall"]))
        #expect(fromFlags.impersonation == Impersonation(user: "bob", groups: ["oncall"]))

        let none = try workspace.load(kubeconfig: KubeconfigText.single(server: "https://as.example"))
        #expect(none.impersonation == nil)
    }

    @Test("--as and repeated --as-group reach the request as Impersonate-User and one Impersonate-Group per group")
    func impersonationHeaders() async throws {
        let server = try FakeAPIServer.captured()
        defer { server.stop() }
        let connection = try workspace.load(
            kubeconfig: KubeconfigText.single(server: server.baseURL.absoluteString, user: "token: admin-token"),
            ConfigOverrides(impersonateUser: "jane@example.com", impersonateGroups: ["developers", "system:authenticated"]))

        _ = try await TestClients.client(connection).serverVersion()

        let request = try #require(server.requests.first)
        #expect(request.header("Impersonate-User") == "jane@example.com")
        // The fake server joins repeated header lines with ", ", as Go's Header.Values would list them.
        #expect(request.header("Impersonate-Group") == "developers, system:authenticated")
        #expect(request.header("Authorization") == "Bearer admin-token")
    }

    @Test("kubeconfig `as` impersonation reaches the request headers too")
    func kubeconfigImpersonationHeaders() async throws {
        let server = try FakeAPIServer.captured()
        defer { server.stop() }
        let connection = try workspace.load(kubeconfig: KubeconfigText.single(
            server: server.baseURL.absoluteString, user: "token: admin-token\nas: ci-bot\nas-groups: [deployers]"))

        _ = try await TestClients.client(connection).serverVersion()

        let request = try #require(server.requests.first)
        #expect(request.header("Impersonate-User") == "ci-bot")
        #expect(request.header("Impersonate-Group") == "deployers")
    }
}
