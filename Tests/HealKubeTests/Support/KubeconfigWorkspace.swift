import Foundation
import HealKube
import HealTestSupport

/// A throwaway home for configuration tests: kubeconfigs and referenced files written into a
/// temporary directory, and an injected environment, so no test reads the real `$HOME`,
/// `$KUBECONFIG` or service-account mount.
final class KubeconfigWorkspace: Sendable {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory(prefix: "heal-kubeconfig")
    }

    /// The injected home directory (`~/.kube/config` lives below it).
    var home: String { directory.file("home").path }

    /// The injected service-account mount (`token`, `ca.crt`, `namespace`).
    var serviceAccount: String { directory.file("serviceaccount").path }

    /// Writes `text` to `relativePath` and returns the absolute path.
    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> String {
        try directory.write(relativePath, text).path
    }

    @discardableResult
    func write(_ relativePath: String, _ data: Data) throws -> String {
        try directory.write(relativePath, data).path
    }

    func path(_ relativePath: String) -> String {
        directory.file(relativePath).path
    }

    func environment(_ variables: [String: String] = [:]) -> ConfigEnvironment {
        ConfigEnvironment(variables: variables, homeDirectory: home, serviceAccountDirectory: serviceAccount)
    }

    /// Resolves the connection as kubectl would with these flags and environment variables.
    func load(
        _ overrides: ConfigOverrides = ConfigOverrides(), variables: [String: String] = [:]
    ) throws(KubeConfigError) -> ClusterConnection {
        try KubeconfigLoader(environment: environment(variables)).load(overrides)
    }

    /// Writes `yaml` as `relativePath` and loads it with `--kubeconfig`.
    func load(
        kubeconfig yaml: String, at relativePath: String = "kubeconfig", _ overrides: ConfigOverrides = ConfigOverrides()
    ) throws -> ClusterConnection {
        var overrides = overrides
        overrides.kubeconfig = try write(relativePath, yaml)
        return try load(overrides)
    }
}
