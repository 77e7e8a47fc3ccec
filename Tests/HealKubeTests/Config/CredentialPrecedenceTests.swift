import Foundation
import HealHTTP
import HealKube
import HealTestSupport
import Testing

/// As client-go: credentials written in the kubeconfig win over an exec plugin, which runs only
/// for users with no token, password or client certificate of their own.
@Suite("credential precedence")
struct CredentialPrecedenceTests {
    private let exec = """
        exec:
          apiVersion: client.authentication.k8s.io/v1
          command: get-token
          interactiveMode: Never
        """

    @Test("a token beside an exec plugin is used; the plugin is not")
    func tokenWins() throws {
        let workspace = try KubeconfigWorkspace()
        let connection = try workspace.load(kubeconfig: KubeconfigText.single(server: "https://127.0.0.1:6443", user: "token: static\n" + exec))
        #expect(connection.credential == .token(Redacted("static")))
    }

    @Test("a client certificate beside an exec plugin is used alone")
    func certificateWins() throws {
        let workspace = try KubeconfigWorkspace()
        let pki = try TestPKI.shared()
        let user = """
            client-certificate-data: \(pki.client.certificatePEM.base64EncodedString())
            client-key-data: \(pki.client.keyPEM.base64EncodedString())
            """ + "\n" + exec
        let connection = try workspace.load(kubeconfig: KubeconfigText.single(server: "https://127.0.0.1:6443", user: user))
        #expect(connection.credential == .none)
        #expect(connection.tls.clientCertificate != nil)
    }

    @Test("an exec plugin alone is used")
    func execAlone() throws {
        let workspace = try KubeconfigWorkspace()
        let connection = try workspace.load(kubeconfig: KubeconfigText.single(server: "https://127.0.0.1:6443", user: exec))
        guard case .exec(let config, _) = connection.credential else {
            Issue.record("expected the exec plugin, got \(connection.credential)")
            return
        }
        #expect(config.command == "get-token")
    }
}
