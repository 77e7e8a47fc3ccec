import Foundation

/// The namespaces an MCP server may work in, fixed when it starts: `--allowed-namespaces`, else
/// the one `-n` names, else any the credentials reach. A tool call picks among them and can
/// never widen them.
struct NamespaceScope: Sendable, Equatable {
    /// Sorted; nil means no restriction beyond RBAC.
    var allowed: [String]?
    /// Used when a call names none: `-n`, or the only allowed namespace. nil with no
    /// restriction means the kubeconfig context's namespace, as for the CLI.
    var defaultNamespace: String?

    init(namespace: String?, allowedNamespaces: [String]) {
        let listed = Set(allowedNamespaces.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        if !listed.isEmpty {
            allowed = listed.sorted()
        } else {
            allowed = namespace.map { [$0] }
        }
        defaultNamespace = namespace ?? (allowed?.count == 1 ? allowed?.first : nil)
    }

    /// Where a call works: one namespace, every namespace, or (neither) the context's.
    struct Choice: Equatable {
        var namespace: String?
        var allNamespaces = false
    }

    /// The namespace for a call, as `-n NAME`, `-A` or neither would choose it. `mutating` calls
    /// reach kube-system only when the server was started for it, as the CLI changes
    /// kube-system only when `-n kube-system` names it.
    func choose(tool: String, namespace: String?, allNamespaces: Bool, mutating: Bool = false) throws(PresentedError) -> Choice {
        if allNamespaces {
            guard let allowed else { return Choice(allNamespaces: true) }
            throw refusal(
                "\(tool) asked for every namespace, and this server may only use \(allowed.joined(separator: ", "))",
                hint: "name one of them in \"namespace\"")
        }
        guard let chosen = namespace ?? defaultNamespace else {
            guard let allowed else { return Choice() }
            throw refusal(
                "\(tool) needs a namespace: this server may use \(allowed.joined(separator: ", "))", hint: "name one of them in \"namespace\"")
        }
        if let allowed, !allowed.contains(chosen) {
            throw refusal(
                "namespace \(chosen) is outside the namespaces this server may use (\(allowed.joined(separator: ", ")))",
                hint: "ask about one of them, or restart the server with --allowed-namespaces including \(chosen)")
        }
        if mutating, chosen == "kube-system", allowed == nil {
            throw refusal(
                "\(tool) would change kube-system, which this server was not started for",
                hint: "start a server for it with -n kube-system (or --allowed-namespaces kube-system)")
        }
        return Choice(namespace: chosen)
    }

    private func refusal(_ message: String, hint: String) -> PresentedError {
        PresentedError(message: message, hint: hint, exitCode: ExitStatus.usage)
    }
}
