import Foundation
import HealModel
import HealHTTP

/// The pod's own service account, used when no kubeconfig exists (as client-go's
/// `rest.InClusterConfig`): API server from KUBERNETES_SERVICE_HOST/PORT, the mounted CA,
/// the projected token (re-read as it rotates) and the pod's namespace.
enum InClusterConfig {
    static func isAvailable(in environment: ConfigEnvironment) -> Bool {
        environment.variables["KUBERNETES_SERVICE_HOST"].nonEmpty != nil
            && environment.variables["KUBERNETES_SERVICE_PORT"].nonEmpty != nil
    }

    static func connection(environment: ConfigEnvironment, overrides: ConfigOverrides) throws(KubeConfigError) -> ClusterConnection {
        let host = environment.variables["KUBERNETES_SERVICE_HOST"] ?? ""
        let port = environment.variables["KUBERNETES_SERVICE_PORT"] ?? ""
        let directory = environment.serviceAccountDirectory
        let tokenPath = "\(directory)/token"
        guard FileManager.default.isReadableFile(atPath: tokenPath) else {
            throw .inClusterIncomplete(missing: tokenPath)
        }
        var tls = TLSConfiguration()
        if overrides.insecureSkipTLSVerify {
            tls.verifyPeer = false
        } else {
            guard let ca = FileManager.default.contents(atPath: "\(directory)/ca.crt") else {
                throw .inClusterIncomplete(missing: "\(directory)/ca.crt")
            }
            tls.certificateAuthority = .data(ca)
        }
        let podNamespace = (try? String(contentsOfFile: "\(directory)/namespace", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let bracketed = host.contains(":") ? "[\(host)]" : host
        let timeout = overrides.requestTimeout.map { $0 == .zero ? nil : $0 } ?? KubeconfigLoader.defaultRequestTimeout
        return ClusterConnection(
            server: "https://\(bracketed):\(port)",
            tls: tls,
            credential: .tokenFile(path: tokenPath),
            impersonation: overrides.impersonateUser.map { Impersonation(user: $0, groups: overrides.impersonateGroups) },
            requestTimeout: timeout,
            namespace: overrides.namespace.nonEmpty ?? podNamespace.nonEmpty ?? "default",
            origin: "in-cluster service account (\(directory))"
        )
    }
}
