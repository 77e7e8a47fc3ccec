import Foundation
import HealHTTP
import HealKube
import HealTestSupport
import Testing

/// Which configuration is used, in kubectl's order: `--kubeconfig` › `$KUBECONFIG` (merged) ›
/// `~/.kube/config` › the in-cluster service account.
@Suite("kubeconfig selection and $KUBECONFIG merging")
struct KubeconfigSelectionTests {
    let workspace: KubeconfigWorkspace  // a fresh temporary home per test
    init() throws { workspace = try KubeconfigWorkspace() }

    @Test("--kubeconfig wins over $KUBECONFIG and ~/.kube/config (kubectl's explicit-path rule)")
    func explicitFileWins() throws {
        let explicit = try workspace.write("explicit.yaml", KubeconfigText.single(server: "https://explicit.example:6443"))
        let listed = try workspace.write("listed.yaml", KubeconfigText.single(server: "https://listed.example:6443"))
        try workspace.write("home/.kube/config", KubeconfigText.single(server: "https://home.example:6443"))

        let connection = try workspace.load(ConfigOverrides(kubeconfig: explicit), variables: ["KUBECONFIG": listed])

        #expect(connection.server == "https://explicit.example:6443")
    }

    @Test("$KUBECONFIG wins over ~/.kube/config")
    func environmentListWinsOverHome() throws {
        let listed = try workspace.write("listed.yaml", KubeconfigText.single(server: "https://listed.example:6443"))
        try workspace.write("home/.kube/config", KubeconfigText.single(server: "https://home.example:6443"))

        let connection = try workspace.load(variables: ["KUBECONFIG": listed])

        #expect(connection.server == "https://listed.example:6443")
    }

    @Test("~/.kube/config is used when $KUBECONFIG is unset or empty")
    func homeConfigWhenNoList() throws {
        try workspace.write("home/.kube/config", KubeconfigText.single(server: "https://home.example:6443"))

        #expect(try workspace.load().server == "https://home.example:6443")
        #expect(try workspace.load(variables: ["KUBECONFIG": ""]).server == "https://home.example:6443")
    }

    @Test("~/.kube/config wins over the in-cluster service account")
    func homeConfigWinsOverInCluster() throws {
        try writeServiceAccount()
        try workspace.write("home/.kube/config", KubeconfigText.single(server: "https://home.example:6443"))

        let connection = try workspace.load(variables: Self.inClusterVariables)

        #expect(connection.server == "https://home.example:6443")
    }

    @Test("with no kubeconfig, the pod's service account is used (client-go's InClusterConfig)")
    func inClusterServiceAccount() throws {
        let ca = try writeServiceAccount()

        let connection = try workspace.load(variables: Self.inClusterVariables)

        #expect(connection.server == "https://10.96.0.1:443")
        #expect(connection.credential == .tokenFile(path: "\(workspace.serviceAccount)/token"))
        #expect(connection.tls.certificateAuthority == .data(ca))
        #expect(connection.tls.verifyPeer)
        #expect(connection.namespace == "shop", "the namespace file names the pod's namespace")
        #expect(connection.requestTimeout == .seconds(30))
    }

    @Test("in a pod, -n still wins over the service account's namespace")
    func inClusterNamespaceFlag() throws {
        try writeServiceAccount()

        let connection = try workspace.load(ConfigOverrides(namespace: "payments"), variables: Self.inClusterVariables)

        #expect(connection.namespace == "payments")
    }

    @Test("an IPv6 KUBERNETES_SERVICE_HOST is bracketed in the server URL")
    func inClusterIPv6() throws {
        try writeServiceAccount()

        let connection = try workspace.load(
            variables: ["KUBERNETES_SERVICE_HOST": "fd00:10:96::1", "KUBERNETES_SERVICE_PORT": "443"])

        #expect(connection.server == "https://[fd00:10:96::1]:443")
    }

    @Test("in a pod without a mounted token the error names the missing file")
    func inClusterWithoutToken() throws {
        try workspace.write("serviceaccount/ca.crt", "not needed")

        #expect(throws: KubeConfigError.inClusterIncomplete(missing: "\(workspace.serviceAccount)/token")) {
            try workspace.load(variables: Self.inClusterVariables)
        }
    }

    @Test("no kubeconfig and not in a pod → .noConfiguration naming where it looked")
    func noConfiguration() throws {

        let error = try #require(throws: KubeConfigError.self) { try workspace.load() }

        guard case .noConfiguration(let searched) = error else {
            Issue.record("expected .noConfiguration, got \(error)")
            return
        }
        #expect(searched.contains("\(workspace.home)/.kube/config"))
        #expect(searched.contains { $0.contains("in-cluster") })
    }

    @Test("--kubeconfig naming a missing file is an error, never a fallback to other files")
    func explicitMissingFile() throws {
        try workspace.write("home/.kube/config", KubeconfigText.single(server: "https://home.example:6443"))
        let missing = workspace.path("nope.yaml")

        #expect(throws: KubeConfigError.fileUnreadable(path: missing, reason: "no such file")) {
            try workspace.load(ConfigOverrides(kubeconfig: missing))
        }
    }

    // MARK: $KUBECONFIG merging

    @Test("$KUBECONFIG merge: the first file to define a cluster name wins, without deep-merging its fields")
    func firstClusterDefinitionWins() throws {
        let first = try workspace.write("first.yaml", KubeconfigText.single(name: "shared", server: "https://first.example:6443", currentContext: "shared"))
        let second = try workspace.write(
            "second.yaml",
            KubeconfigText.single(
                name: "shared", server: "https://second.example:6443",
                cluster: "insecure-skip-tls-verify: true\ntls-server-name: second.internal",
                user: "token: second-token", namespace: "second"))

        let connection = try workspace.load(variables: ["KUBECONFIG": "\(first):\(second)"])

        #expect(connection.server == "https://first.example:6443")
        #expect(connection.tls.verifyPeer, "the second file's insecure-skip-tls-verify must not leak into the first file's cluster")
        #expect(connection.tls.serverName == nil)
        #expect(connection.credential == .none, "the first file's user has no token; the second's is not merged in")
        #expect(connection.namespace == "default")
    }

    @Test("$KUBECONFIG merge: the first current-context wins; files without one are passed over")
    func firstCurrentContextWins() throws {
        let none = try workspace.write("none.yaml", KubeconfigText.single(name: "a", server: "https://a.example", currentContext: nil))
        let second = try workspace.write("second.yaml", KubeconfigText.single(name: "b", server: "https://b.example", currentContext: "b"))
        let third = try workspace.write("third.yaml", KubeconfigText.single(name: "c", server: "https://c.example", currentContext: "c"))

        let connection = try workspace.load(variables: ["KUBECONFIG": [none, second, third].joined(separator: ":")])

        #expect(connection.contextName == "b")
        #expect(connection.server == "https://b.example")
    }

    @Test("$KUBECONFIG merge: a context in one file may use a cluster and user defined in another")
    func entriesCombineAcrossFiles() throws {
        let contexts = try workspace.write("contexts.yaml", KubeconfigText.file("""
            contexts:
            - name: prod
              context: {cluster: prod-cluster, user: prod-user, namespace: payments}
            current-context: prod
            """))
        let clusters = try workspace.write("clusters.yaml", KubeconfigText.file("""
            clusters:
            - name: prod-cluster
              cluster: {server: "https://prod.example:6443"}
            users:
            - name: prod-user
              user: {token: prod-token}
            """))

        let connection = try workspace.load(variables: ["KUBECONFIG": "\(contexts):\(clusters)"])

        #expect(connection.server == "https://prod.example:6443")
        #expect(connection.credential == .token(Redacted("prod-token")))
        #expect(connection.namespace == "payments")
    }

    @Test("$KUBECONFIG: missing files are skipped, repeated and empty entries ignored")
    func missingAndDuplicateEntries() throws {
        let first = try workspace.write("first.yaml", KubeconfigText.single(name: "a", server: "https://a.example"))
        let second = try workspace.write("second.yaml", KubeconfigText.single(name: "b", server: "https://b.example", currentContext: nil))
        let missing = workspace.path("missing.yaml")
        let list = [missing, first, "", first, second, missing].joined(separator: ":")

        let error = try #require(throws: KubeConfigError.self) {
            try workspace.load(ConfigOverrides(context: "nope"), variables: ["KUBECONFIG": list])
        }

        #expect(error == .contextNotFound(name: "nope", available: ["a", "b"], files: [first, second]))
    }

    @Test("$KUBECONFIG listing only missing files falls through to the service account, as kubectl does")
    func onlyMissingFilesFallsThrough() throws {
        try writeServiceAccount()
        var variables = Self.inClusterVariables
        variables["KUBECONFIG"] = workspace.path("gone.yaml")

        #expect(try workspace.load(variables: variables).server == "https://10.96.0.1:443")
    }

    // MARK: Helpers

    static let inClusterVariables = ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"]

    /// The files kubelet mounts at /var/run/secrets/kubernetes.io/serviceaccount; returns the CA.
    @discardableResult
    private func writeServiceAccount() throws -> Data {
        let ca = Data("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".utf8)
        try workspace.write("serviceaccount/token", "eyJhbGciOiJSUzI1NiJ9.projected\n")
        try workspace.write("serviceaccount/ca.crt", ca)
        try workspace.write("serviceaccount/namespace", "shop")
        return ca
    }
}
