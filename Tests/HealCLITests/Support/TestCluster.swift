import Foundation
import HealTestSupport

/// A fake API server serving a fixture folder, with a kubeconfig that points at it.
struct TestCluster {
    let server: FakeAPIServer
    let folder: TemporaryDirectory
    let kubeconfig: URL

    init(serving root: URL, token: String = "test-token", server baseURL: String? = nil) throws {
        server = try FakeAPIServer(fixtureRoot: root)
        folder = try TemporaryDirectory()
        kubeconfig = try folder.write("kubeconfig", Self.kubeconfig(server: baseURL ?? server.baseURL.absoluteString, token: token))
    }

    /// One cluster, one token user, two contexts: "test" (current, namespace agentic-demo) and "other".
    static func kubeconfig(server: String, token: String) -> String {
        """
        apiVersion: v1
        kind: Config
        current-context: test
        clusters:
        - name: fake
          cluster:
            server: \(server)
        users:
        - name: tester
          user:
            token: \(token)
        contexts:
        - name: test
          context:
            cluster: fake
            user: tester
            namespace: agentic-demo
        - name: other
          context:
            cluster: fake
            user: tester
        """
    }

    func run(_ arguments: [String], variables: [String: String] = [:], stderrIsTerminal: Bool = false) async -> CLIRun {
        await CLIRunner.run(arguments + ["--kubeconfig", kubeconfig.path], variables: variables, stderrIsTerminal: stderrIsTerminal)
    }
}
