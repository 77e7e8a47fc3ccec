import HealKube

/// Explains why no cluster configuration could be resolved (exit 78).
enum KubeConfigErrorPresenter {
    static func present(_ error: KubeConfigError) -> PresentedError {
        let (message, hint) = explain(error)
        return PresentedError(message: message, hint: hint, exitCode: ExitStatus.configuration)
    }

    private static func explain(_ error: KubeConfigError) -> (String, String) {
        switch error {
        case .noConfiguration(let searched):
            return ("no cluster configuration found (looked at \(searched.joined(separator: "; ")))",
                    "pass --kubeconfig FILE, set KUBECONFIG, create ~/.kube/config, or use --snapshot PATH to work offline")
        case .fileUnreadable(let path, let reason):
            return ("cannot read kubeconfig \(path): \(reason)", "check the path given to --kubeconfig or in KUBECONFIG")
        case .fileInvalid(let path, let detail):
            return ("kubeconfig \(path) is not valid: \(detail)", "fix that field (kubectl config view --kubeconfig \(path) shows how kubectl reads it)")
        case .noCurrentContext(let files, let available):
            return ("no current context is set in \(files.joined(separator: ":"))\(availableList(available))",
                    "pass --context NAME or run `kubectl config use-context NAME`")
        case .contextNotFound(let name, let available, let files):
            return ("context \"\(name)\" not found in \(files.joined(separator: ":"))\(availableList(available))",
                    "list contexts with `kubectl config get-contexts` and pass one with --context")
        case .clusterNotFound(let name, let context, let available):
            let owner = context.map { "context \"\($0)\" refers to " } ?? ""
            return name.isEmpty
                ? ("\(context.map { "context \"\($0)\"" } ?? "the configuration") names no cluster", "set the context's cluster (kubectl config set-context NAME --cluster CLUSTER) or pass --cluster")
                : ("\(owner)cluster \"\(name)\", which is not defined\(availableList(available, noun: "clusters"))", "fix the context or pass --cluster NAME")
        case .userNotFound(let name, let context, let available):
            let owner = context.map { "context \"\($0)\" refers to " } ?? ""
            return ("\(owner)user \"\(name)\", which is not defined\(availableList(available, noun: "users"))", "fix the context's user or pass --user NAME")
        case .serverMissing(let cluster):
            return ("cluster \"\(cluster)\" has no server URL", "set it with `kubectl config set-cluster \(cluster) --server https://HOST:PORT`")
        case .invalidServerURL(let cluster, let url):
            return ("cluster \"\(cluster)\" has an invalid server URL \"\(url)\"", "use an http:// or https:// URL with a host, e.g. https://10.0.0.1:6443")
        case .referencedFileUnreadable(let field, let path, let entry, let reason):
            return ("cannot read \(field) \(path) of \(entry): \(reason)", "fix the path in the kubeconfig (relative paths are relative to the kubeconfig's folder)")
        case .invalidBase64(let field, let entry):
            return ("\(field) of \(entry) is not valid base64", "re-create the kubeconfig entry; the *-data fields hold base64-encoded PEM")
        case .unsupportedAuthProvider(let name, let user):
            return ("user \"\(user)\" uses the auth-provider \"\(name)\", which kubectl no longer supports",
                    "switch the user to an exec credential plugin (for example kubelogin, gke-gcloud-auth-plugin or aws eks get-token)")
        case .conflictingCredentials(let user, let detail):
            return ("user \"\(user)\" is inconsistent: \(detail)", "keep one kind of credential for the user in the kubeconfig")
        case .inClusterIncomplete(let missing):
            return ("running in a pod, but \(missing) is missing", "mount the service account token (automountServiceAccountToken: true) or pass --kubeconfig")
        }
    }

    private static func availableList(_ names: [String], noun: String = "contexts") -> String {
        names.isEmpty ? " (it defines no \(noun))" : " (available \(noun): \(names.joined(separator: ", ")))"
    }
}
