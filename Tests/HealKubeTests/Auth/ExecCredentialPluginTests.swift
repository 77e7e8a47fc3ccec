import Foundation
import HealHTTP
import HealKube
import HealModel
import HealTestSupport
import Testing

/// client-go credential plugins (`users[].user.exec`): what the plugin is given, how its answer
/// is cached, refreshed and validated, and how each failure is reported.
@Suite("exec credential plugins")
struct ExecCredentialPluginTests {
    /// Fresh for every test (Swift Testing makes one suite value per test); stops on release.
    let server: FakeAPIServer
    let workspace: KubeconfigWorkspace

    init() throws {
        server = try FakeAPIServer.captured()
        workspace = try KubeconfigWorkspace()
    }

    private func client(
        _ plugin: FakeCredentialPlugin, cluster: String = "", user: String? = nil, pluginTimeout: Duration = .seconds(20)
    ) throws -> KubeClient {
        try plugin.client(server: server.baseURL.absoluteString, cluster: cluster, user: user, pluginTimeout: pluginTimeout)
    }

    /// The credential failure behind a request that must not reach the server.
    private func credentialFailure(_ client: KubeClient) async throws -> KubeAuthError {
        let error = try await #require(throws: KubeError.self) { try await client.serverVersion() }
        #expect(server.requests.isEmpty, "no request goes out without a credential")
        return try #require(error.credentialFailure, "expected KubeError.credential, got \(error)")
    }

    /// `spec.cluster` of the first run's KUBERNETES_EXEC_INFO.
    private func execCluster(_ plugin: FakeCredentialPlugin) throws -> [String: Any] {
        let spec = try #require(try plugin.execInfo()["spec"] as? [String: Any])
        return try #require(spec["cluster"] as? [String: Any])
    }

    @Test(
        "the plugin's token is sent; it gets KUBERNETES_EXEC_INFO (interactive false, no cluster), its args and exec.env",
        arguments: [FakeCredentialPlugin.v1, FakeCredentialPlugin.v1beta1])
    func pluginInputsAndToken(apiVersion: String) async throws {
        let plugin = try FakeCredentialPlugin(in: workspace, apiVersion: apiVersion)
        let client = try client(plugin, user: plugin.userYAML(args: ["--region", "eu west 1"], greeting: "hello from kubeconfig"))

        _ = try await client.serverVersion()

        #expect(server.requests.first?.header("Authorization") == "Bearer plugin-token-1")
        let info = try plugin.execInfo()
        #expect(info["apiVersion"] as? String == apiVersion)
        #expect(info["kind"] as? String == "ExecCredential")
        let spec = try #require(info["spec"] as? [String: Any])
        #expect(spec["interactive"] as? Bool == false)
        #expect(spec["cluster"] == nil, "cluster info is only given with provideClusterInfo: true")
        #expect(try plugin.arguments() == ["--region", "eu west 1"])
        #expect(try plugin.greeting() == "hello from kubeconfig")
    }

    @Test("provideClusterInfo: true passes server, tls-server-name and certificate-authority-data in spec.cluster")
    func providesClusterInfo() async throws {
        let plugin = try FakeCredentialPlugin(in: workspace)
        let caBase64 = Data("-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n".utf8).base64EncodedString()
        // The CA is for the plugin only: plain http to the fake server does not use it.
        let client = try client(
            plugin, cluster: "certificate-authority-data: \(caBase64)\ntls-server-name: api.internal",
            user: plugin.userYAML(provideClusterInfo: true))

        _ = try await client.serverVersion()

        let cluster = try execCluster(plugin)
        #expect(cluster["server"] as? String == server.baseURL.absoluteString)
        #expect(cluster["tls-server-name"] as? String == "api.internal")
        #expect(cluster["certificate-authority-data"] as? String == caBase64)
        #expect(cluster["insecure-skip-tls-verify"] as? Bool ?? false == false)
    }

    @Test("provideClusterInfo with a certificate-authority file gives the plugin that file's data, as client-go does")
    func providesClusterInfoFromCAFile() async throws {
        let plugin = try FakeCredentialPlugin(in: workspace)
        let ca = Data("-----BEGIN CERTIFICATE-----\nCA FROM FILE\n-----END CERTIFICATE-----\n".utf8)
        try workspace.write("pki/ca.pem", ca)
        let client = try client(plugin, cluster: "certificate-authority: pki/ca.pem", user: plugin.userYAML(provideClusterInfo: true))

        _ = try await client.serverVersion()

        #expect(try execCluster(plugin)["certificate-authority-data"] as? String == ca.base64EncodedString())
    }

    @Test(
        "a credential is reused until it expires (none, or expiring far ahead: one plugin run for three requests)",
        arguments: [nil, "2099-01-01T00:00:00Z"] as [String?])
    func cachedUntilExpiry(expiry: String?) async throws {
        let plugin = try FakeCredentialPlugin(in: workspace, expiry: expiry)
        let client = try client(plugin)

        for _ in 0..<3 { _ = try await client.serverVersion() }

        #expect(plugin.runs == 1)
        #expect(server.requests.allSatisfy { $0.header("Authorization") == "Bearer plugin-token-1" })
    }

    @Test("an already expired expirationTimestamp makes every request run the plugin again")
    func expiredCredentialRerun() async throws {
        let plugin = try FakeCredentialPlugin(in: workspace, expiry: "2020-01-01T00:00:00Z")
        let client = try client(plugin)

        for _ in 0..<3 { _ = try await client.serverVersion() }

        #expect(plugin.runs == 3)
        #expect(server.requests.map { $0.header("Authorization") } == [
            "Bearer plugin-token-1", "Bearer plugin-token-2", "Bearer plugin-token-3",
        ])
    }

    @Test("ten concurrent lists share one plugin run")
    func sharedByConcurrentRequests() async throws {
        let plugin = try FakeCredentialPlugin(in: workspace)
        let client = try client(plugin)

        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10 {
                group.addTask { try await client.list(.pods, as: Pod.self, namespace: "shop") { _ in } }
            }
            try await group.waitForAll()
        }

        #expect(plugin.runs == 1)
        #expect(server.requests.count == 10)
        #expect(server.requests.allSatisfy { $0.header("Authorization") == "Bearer plugin-token-1" })
    }

    @Test("after a 401 the plugin runs exactly once more and the request succeeds with the new token")
    func refreshOnUnauthorized() async throws {
        let plugin = try FakeCredentialPlugin(in: workspace)
        let client = try client(plugin)
        server.requireAuthorization("Bearer plugin-token-2")

        let version = try await client.serverVersion()

        #expect(version.gitVersion == "v1.36.2")
        #expect(plugin.runs == 2)
        #expect(server.requests.map { $0.header("Authorization") } == ["Bearer plugin-token-1", "Bearer plugin-token-2"])
    }

    @Test("a plugin whose tokens stay rejected ends in 401 after a single refresh")
    func refreshStillRejected() async throws {
        let plugin = try FakeCredentialPlugin(in: workspace)
        let client = try client(plugin)
        server.requireAuthorization("Bearer never-issued")

        let error = try await #require(throws: KubeError.self) { try await client.serverVersion() }

        guard case .status(401, let status, _, _) = error else {
            Issue.record("expected KubeError.status 401, got \(error)")
            return
        }
        #expect(status?.reason == "Unauthorized")
        #expect(plugin.runs == 2)
        #expect(server.requests.count == 2)
    }

    @Test("a plugin that is not installed → .pluginNotFound carrying the kubeconfig's installHint")
    func pluginNotFound() async throws {
        let hint = "Install it with: gcloud components install gke-gcloud-auth-plugin"
        let plugin = try FakeCredentialPlugin(in: workspace)
        let user = plugin.userYAML(installHint: hint).replacingOccurrences(of: plugin.command, with: "kubectl-heal-test-no-such-plugin")

        let failure = try await credentialFailure(client(plugin, user: user))

        #expect(failure == .pluginNotFound(command: "kubectl-heal-test-no-such-plugin", installHint: hint))
    }

    @Test("a relative plugin path that does not exist → .pluginNotFound with the resolved path")
    func pluginPathNotFound() async throws {
        let plugin = try FakeCredentialPlugin(in: workspace)
        let user = plugin.userYAML().replacingOccurrences(of: plugin.command, with: "./bin/missing-plugin")

        let failure = try await credentialFailure(client(plugin, user: user))

        guard case .pluginNotFound(let command, nil) = failure else {
            Issue.record("expected .pluginNotFound, got \(failure)")
            return
        }
        #expect((command as NSString).standardizingPath == workspace.path("bin/missing-plugin"))
    }

    @Test("a plugin exiting non-zero → .pluginFailed with its status, the tail of its stderr and the installHint")
    func pluginFails() async throws {
        let plugin = try FakeCredentialPlugin(in: workspace, body: """
            for i in 1 2 3 4 5 6 7; do echo "stderr line $i" >&2; done
            echo "error: refresh token expired, run 'login'" >&2
            exit 3
            """)

        let failure = try await credentialFailure(client(plugin, user: plugin.userYAML(installHint: "run: login")))

        guard case .pluginFailed(let command, let status, let stderr, let hint) = failure else {
            Issue.record("expected .pluginFailed, got \(failure)")
            return
        }
        #expect(plugin.isCommand(command))
        #expect(status == "exited(3)")
        #expect(stderr.hasSuffix("error: refresh token expired, run 'login'"))
        #expect(!stderr.contains("stderr line 1"), "only the tail of stderr is kept")
        #expect(hint == "run: login")
    }

    @Test(
        "output that is not a valid ExecCredential → .pluginOutputInvalid",
        arguments: [
            "echo 'this is not json'",
            #"echo '{"apiVersion":"client.authentication.k8s.io/v1alpha1","kind":"ExecCredential","status":{"token":"t"}}'"#,
            #"echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{}}'"#,
            #"echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"Secret","status":{"token":"t"}}'"#,
        ])
    func invalidOutput(body: String) async throws {
        let plugin = try FakeCredentialPlugin(in: workspace, body: body)

        let failure = try await credentialFailure(client(plugin))

        guard case .pluginOutputInvalid(let command, let detail) = failure else {
            Issue.record("expected .pluginOutputInvalid, got \(failure)")
            return
        }
        #expect(plugin.isCommand(command))
        #expect(!detail.isEmpty)
    }

    @Test("a wrong apiVersion is named in the detail, next to the one the kubeconfig asked for")
    func wrongAPIVersionDetail() async throws {
        let plugin = try FakeCredentialPlugin(in: workspace, body: """
            echo '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"t"}}'
            """)

        let failure = try await credentialFailure(client(plugin))

        guard case .pluginOutputInvalid(_, let detail) = failure else {
            Issue.record("expected .pluginOutputInvalid, got \(failure)")
            return
        }
        #expect(detail.contains("client.authentication.k8s.io/v1beta1"))
        #expect(detail.contains("\"client.authentication.k8s.io/v1\""))
    }

    @Test("interactiveMode: Always cannot run without a terminal → .pluginNeedsTerminal, and the plugin never starts")
    func interactiveAlways() async throws {
        let plugin = try FakeCredentialPlugin(in: workspace)

        let failure = try await credentialFailure(client(plugin, user: plugin.userYAML(interactiveMode: "Always")))

        guard case .pluginNeedsTerminal(let command) = failure else {
            Issue.record("expected .pluginNeedsTerminal, got \(failure)")
            return
        }
        #expect(plugin.isCommand(command))
        #expect(plugin.runs == 0)
    }

    @Test("a plugin that hangs is stopped at the plugin timeout → .pluginTimedOut")
    func pluginTimeout() async throws {
        // `exec` keeps the shell's pid, so the pid file names the sleeping process itself.
        let plugin = try FakeCredentialPlugin(in: workspace, body: #"echo $$ > "$dir/pid"; exec sleep 300"#)

        let failure = try await credentialFailure(client(plugin, pluginTimeout: .seconds(1)))

        guard case .pluginTimedOut(let command, let after) = failure else {
            Issue.record("expected .pluginTimedOut, got \(failure)")
            return
        }
        #expect(plugin.isCommand(command))
        #expect(after == .seconds(1))
        // A wall-clock bound would flake on a loaded machine; what matters is that the hung plugin
        // is gone (killed and reaped) by the time the request fails, not left running.
        let pid = try #require(pid_t(try String(contentsOfFile: workspace.path("plugin/pid"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "plugin process \(pid) is still running")
    }

    @Test("a plugin returning clientCertificateData/clientKeyData authenticates with that certificate over TLS")
    func pluginClientCertificate() async throws {
        let pki = try TestPKI.shared()
        let terminator = try TLSTerminator(backend: server, pki: pki, requireClientCertificate: true)
        defer { terminator.stop() }
        let credential: [String: Any] = [
            "apiVersion": FakeCredentialPlugin.v1, "kind": "ExecCredential",
            "status": [
                "clientCertificateData": String(decoding: pki.client.certificatePEM, as: UTF8.self),
                "clientKeyData": String(decoding: pki.client.keyPEM, as: UTF8.self),
            ],
        ]
        try workspace.write("plugin/credential.json", try JSONSerialization.data(withJSONObject: credential))
        let plugin = try FakeCredentialPlugin(in: workspace, body: #"cat "$dir/credential.json""#)
        let client = try plugin.client(
            server: terminator.baseURL.absoluteString,
            cluster: "certificate-authority-data: \(pki.ca.certificatePEM.base64EncodedString())")

        let version = try await client.serverVersion()

        #expect(version.gitVersion == "v1.36.2")
        #expect(try terminator.clientSubjects().contains("heal-test"))
        #expect(server.requests.first?.header("Authorization") == nil, "a certificate-only credential sends no bearer token")
    }
}
