/// Kubeconfig YAML as `kubectl config view --raw` writes it.
enum KubeconfigText {
    /// One cluster, one user and one context, all named `name`, with the context current.
    /// `cluster` and `user` are extra `key: value` lines for the entries (one level of YAML,
    /// indented for you; nested blocks keep their own relative indentation).
    static func single(
        name: String = "test", server: String, cluster: String = "", user: String = "", namespace: String? = nil,
        currentContext: String? = "test"
    ) -> String {
        var text = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: \(name)
              cluster:
                server: \(server)

            """
        text += indent(cluster, by: 4)
        text += """
            users:
            - name: \(name)
              user:

            """
        text += user.isEmpty ? "    {}\n" : indent(user, by: 4)
        text += """
            contexts:
            - name: \(name)
              context:
                cluster: \(name)
                user: \(name)

            """
        if let namespace { text += "    namespace: \(namespace)\n" }
        if let currentContext { text += "current-context: \(currentContext)\n" }
        return text
    }

    /// A kubeconfig file: the `apiVersion`/`kind` header, then `body` (top-level YAML).
    static func file(_ body: String) -> String {
        "apiVersion: v1\nkind: Config\n" + body + "\n"
    }

    static func indent(_ block: String, by spaces: Int) -> String {
        let padding = String(repeating: " ", count: spaces)
        return block.split(separator: "\n", omittingEmptySubsequences: true)
            .map { padding + $0 + "\n" }
            .joined()
    }
}
