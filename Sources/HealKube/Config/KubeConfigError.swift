/// Why no usable cluster configuration could be built. All map to exit code 78.
package enum KubeConfigError: Error, Sendable, Equatable {
    /// No --kubeconfig, no $KUBECONFIG, no ~/.kube/config, and not running in a pod.
    case noConfiguration(searched: [String])
    case fileUnreadable(path: String, reason: String)
    case fileInvalid(path: String, detail: String)
    case noCurrentContext(files: [String], available: [String])
    case contextNotFound(name: String, available: [String], files: [String])
    case clusterNotFound(name: String, context: String?, available: [String])
    case userNotFound(name: String, context: String?, available: [String])
    case serverMissing(cluster: String)
    case invalidServerURL(cluster: String, url: String)
    /// A certificate, key or token file named in the kubeconfig cannot be read.
    case referencedFileUnreadable(field: String, path: String, entry: String, reason: String)
    case invalidBase64(field: String, entry: String)
    /// Legacy `auth-provider` plugins (gcp, azure, oidc) were removed from kubectl; exec replaces them.
    case unsupportedAuthProvider(name: String, user: String)
    case conflictingCredentials(user: String, detail: String)
    case inClusterIncomplete(missing: String)
}
