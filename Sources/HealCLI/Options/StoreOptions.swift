import ArgumentParser

/// `--store`: where the memory of fixes lives. Shared by `learn` and `diagnose --fix`.
package struct StoreOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp(
        "The memory of fixes: a SQLite file path, or configmap://NAMESPACE/NAME to share it through the cluster (default: $KUBECTL_HEAL_STORE, else $XDG_STATE_HOME/kubectl-heal/memory.sqlite).",
        valueName: "path|configmap://ns/name"), completion: .file())
    package var store: String?

    package init() {}
}
