import Foundation
import HealTestSupport

/// A kubeconfig of three contexts, for the runs over several clusters: "prod" (a cache
/// OOM-killed), "staging" (an image that does not pull) and "lab", whose API server is not
/// listening. Each has its own token.
struct FleetKubeconfig {
    let prod: FakeAPIServer
    let staging: FakeAPIServer
    let folder: TemporaryDirectory
    let kubeconfig: URL

    init() throws {
        prod = try FakeAPIServer(fixtureRoot: Fixtures.scenario("oom-restarted"))
        staging = try FakeAPIServer(fixtureRoot: Fixtures.scenario("invalid-image-name"))
        folder = try TemporaryDirectory()
        let clusters = [("prod", prod.baseURL.absoluteString), ("staging", staging.baseURL.absoluteString), ("lab", "http://127.0.0.1:1")]
        kubeconfig = try folder.write("kubeconfig", """
            apiVersion: v1
            kind: Config
            current-context: prod
            clusters:
            \(clusters.map { "- name: \($0.0)\n  cluster:\n    server: \($0.1)" }.joined(separator: "\n"))
            users:
            \(clusters.map { "- name: \($0.0)-user\n  user:\n    token: \($0.0)-token" }.joined(separator: "\n"))
            contexts:
            \(clusters.map { "- name: \($0.0)\n  context:\n    cluster: \($0.0)\n    user: \($0.0)-user\n    namespace: demo" }.joined(separator: "\n"))
            """)
    }

    func run(_ arguments: [String]) async -> CLIRun {
        await CLIRunner.run(arguments + ["--kubeconfig", kubeconfig.path, "--request-timeout", "2s"])
    }
}
