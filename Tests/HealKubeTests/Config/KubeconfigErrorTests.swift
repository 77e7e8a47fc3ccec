import Foundation
import HealKube
import HealTestSupport
import Testing

/// A broken kubeconfig fails with a typed error that names the file, entry and field — and never
/// quotes the file, which holds credentials.
@Suite("kubeconfig errors")
struct KubeconfigErrorTests {
    static let secret = "sk-live-DO-NOT-PRINT-4242"
    let workspace: KubeconfigWorkspace
    init() throws { workspace = try KubeconfigWorkspace() }

    /// The error loading `yaml` (as `--kubeconfig`) with `overrides`.
    private func loadError(_ yaml: String, _ overrides: ConfigOverrides = ConfigOverrides()) throws -> KubeConfigError {
        try #require(throws: KubeConfigError.self) { try workspace.load(kubeconfig: yaml, overrides) }
    }

    /// The detail of the `.fileInvalid` that loading `yaml` must fail with.
    private func invalidFileDetail(_ yaml: String) throws -> String {
        let error = try loadError(yaml)
        guard case .fileInvalid(let path, let detail) = error else {
            Issue.record("expected .fileInvalid, got \(error)")
            return ""
        }
        #expect(path == workspace.path("kubeconfig"))
        #expect(!"\(error)".contains(Self.secret))
        return detail
    }

    static let twoContexts = KubeconfigText.file("""
        clusters:
        - {name: c, cluster: {server: "https://c.example"}}
        contexts:
        - {name: staging, context: {cluster: c}}
        - {name: prod, context: {cluster: c}}
        current-context: prod
        """)

    @Test("an unknown --context lists the contexts that exist (kubectl: context \"x\" does not exist)")
    func unknownContext() throws {
        let error = try loadError(Self.twoContexts, ConfigOverrides(context: "dev"))

        #expect(error == .contextNotFound(name: "dev", available: ["prod", "staging"], files: [workspace.path("kubeconfig")]))
    }

    @Test("a current-context that names no context is .contextNotFound too")
    func danglingCurrentContext() throws {
        let error = try loadError(KubeconfigText.single(server: "https://c.example", currentContext: "gone"))

        #expect(error == .contextNotFound(name: "gone", available: ["test"], files: [workspace.path("kubeconfig")]))
    }

    @Test("no current-context and no --context → .noCurrentContext with the available contexts")
    func noCurrentContext() throws {
        let error = try loadError(KubeconfigText.single(server: "https://c.example", currentContext: nil))

        #expect(error == .noCurrentContext(files: [workspace.path("kubeconfig")], available: ["test"]))
    }

    @Test("a context naming a missing cluster or user fails with the names that exist")
    func missingClusterOrUser() throws {
        let yaml = KubeconfigText.file("""
            clusters:
            - {name: real, cluster: {server: "https://c.example"}}
            users:
            - {name: alice, user: {token: t}}
            contexts:
            - {name: no-cluster, context: {cluster: ghost, user: alice}}
            - {name: no-user, context: {cluster: real, user: ghost}}
            """)

        #expect(try loadError(yaml, ConfigOverrides(context: "no-cluster"))
            == .clusterNotFound(name: "ghost", context: "no-cluster", available: ["real"]))
        #expect(try loadError(yaml, ConfigOverrides(context: "no-user"))
            == .userNotFound(name: "ghost", context: "no-user", available: ["alice"]))
    }

    @Test("invalid YAML → .fileInvalid with line and column, never the file's text (a token sits next to the error)")
    func invalidYAMLKeepsSecrets() throws {
        let detail = try invalidFileDetail(KubeconfigText.file("""
            users:
            - name: alice
              user:
                token: \(Self.secret)
               password: \(Self.secret)
            """))

        // Line 7 is the mis-indented `password:` (after apiVersion and kind).
        #expect(detail.contains("line 7"), "\(detail)")
        #expect(detail.contains("column"), "\(detail)")
        #expect(!detail.contains(Self.secret))
    }

    @Test("a field of the wrong type is reported at its coding path, e.g. `users[0].user.token`")
    func wrongFieldType() throws {
        let detail = try invalidFileDetail(KubeconfigText.file("""
            users:
            - name: alice
              user:
                token: [\(Self.secret)]
            """))

        #expect(detail.contains("`users[0].user.token`"), "\(detail)")
        // A string field holding a list must be described as expecting a string (a single value), never an object.
        #expect(!detail.contains("an object"), "\(detail)")
        #expect(detail.contains("a string") || detail.contains("single value"), "\(detail)")
        #expect(!detail.contains(Self.secret))
    }

    @Test("a missing required field is reported at its coding path, e.g. `clusters[1].name`")
    func missingRequiredField() throws {
        let detail = try invalidFileDetail(KubeconfigText.file("""
            clusters:
            - {name: a, cluster: {server: "https://a.example"}}
            - cluster: {server: "https://b.example"}
            """))

        #expect(detail.contains("`clusters[1].name`"), "\(detail)")
    }

    @Test("invalid base64 in a *-data field names the field and the entry")
    func invalidBase64() throws {
        let badCA = KubeconfigText.single(server: "https://c.example", cluster: "certificate-authority-data: not*base64!")
        let badKey = KubeconfigText.single(
            server: "https://c.example",
            user: "client-certificate-data: \(Data("C".utf8).base64EncodedString())\nclient-key-data: \"%%%\"")

        #expect(try loadError(badCA) == .invalidBase64(field: "certificate-authority-data", entry: "cluster \"test\""))
        #expect(try loadError(badKey) == .invalidBase64(field: "client-key-data", entry: "user \"test\""))
    }

    @Test("a legacy auth-provider user → .unsupportedAuthProvider (removed from kubectl; exec replaces it)")
    func authProvider() throws {
        let yaml = KubeconfigText.single(server: "https://c.example", user: """
            auth-provider:
              name: gcp
              config: {access-token: \(Self.secret)}
            """)

        #expect(try loadError(yaml) == .unsupportedAuthProvider(name: "gcp", user: "test"))
    }

    @Test("a bearer token together with username/password is a conflict, as kubectl's validation says")
    func tokenAndBasicConflict() throws {
        let error = try loadError(KubeconfigText.single(
            server: "https://c.example", user: "token: t\nusername: admin\npassword: \(Self.secret)"))

        guard case .conflictingCredentials(let user, _) = error else {
            Issue.record("expected .conflictingCredentials, got \(error)")
            return
        }
        #expect(user == "test")
        #expect(!"\(error)".contains(Self.secret))
    }

    @Test("a client certificate without its key is a conflict")
    func certificateWithoutKey() throws {
        let error = try loadError(KubeconfigText.single(
            server: "https://c.example", user: "client-certificate-data: \(Data("C".utf8).base64EncodedString())"))

        guard case .conflictingCredentials(let user, _) = error else {
            Issue.record("expected .conflictingCredentials, got \(error)")
            return
        }
        #expect(user == "test")
    }

    @Test("a certificate file that cannot be read names the field, the absolute path and the entry")
    func unreadableReferencedFile() throws {
        let error = try loadError(KubeconfigText.single(server: "https://c.example", cluster: "certificate-authority: pki/missing-ca.pem"))

        #expect(error == .referencedFileUnreadable(
            field: "certificate-authority", path: workspace.path("pki/missing-ca.pem"), entry: "cluster \"test\"",
            reason: "no such file"))
    }

    @Test("a cluster without a server, or with a server that is not an http(s) URL, is rejected")
    func serverProblems() throws {
        let noServer = KubeconfigText.file("""
            clusters:
            - {name: c, cluster: {insecure-skip-tls-verify: true}}
            contexts:
            - {name: c, context: {cluster: c}}
            current-context: c
            """)

        #expect(try loadError(noServer) == .serverMissing(cluster: "c"))
        #expect(try loadError(KubeconfigText.single(server: "ftp://c.example")) == .invalidServerURL(cluster: "test", url: "ftp://c.example"))
    }
}
