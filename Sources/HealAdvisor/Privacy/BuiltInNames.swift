/// Names every cluster has. They identify no one and carry meaning the model needs ("CoreDNS in
/// kube-system", "the default service account"), so they are not collected as identifiers and
/// not masked where a cluster DNS name's position would otherwise make them one.
enum BuiltInNames {
    static let all: Set<String> = [
        "default", "kube-system", "kube-public", "kube-node-lease",  // namespaces; "default" is also the service account
        "kubernetes", "kube-dns",  // the API server's and the cluster DNS's Services
        "kube-root-ca.crt",  // the ConfigMap mounted in every pod
    ]
}
