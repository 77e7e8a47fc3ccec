import HealStore

/// Explains why the memory of fixes could not be read or written. Exit codes: a store that is
/// damaged, from a newer version or too large, and a bad import file, are bad data (65); a
/// folder or file that cannot be created or opened is the machine's configuration (78); a
/// writer that lost every race or waited too long is temporary (75); a bad `--store` or an
/// ambiguous id is usage (64); cluster failures keep the API error's code.
enum StoreErrorPresenter {
    static func present(_ error: StoreError) -> PresentedError {
        switch error {
        case .cannotOpen(let location, let reason):
            PresentedError(
                message: "cannot open the store \(location): \(reason)",
                hint: "check the permissions of the file and its folder, or choose another store with --store PATH or KUBECTL_HEAL_STORE",
                exitCode: ExitStatus.configuration)
        case .corrupt(let location, let reason):
            PresentedError(
                message: "the store \(location) is not a readable kubectl-heal memory: \(reason)",
                hint: location.hasPrefix(StoreLocation.configMapScheme)
                    ? "inspect it with `kubectl get configmap -o yaml`; move it aside (or delete it) to start a new memory"
                    : "it was left untouched; move it aside to start a new memory, or point --store at another file",
                exitCode: ExitStatus.badInput)
        case .newerSchema(let location, let found, let supported):
            PresentedError(
                message: "the store \(location) has schema version \(found), newer than this kubectl-heal understands (\(supported))",
                hint: "upgrade kubectl-heal, or use another store with --store", exitCode: ExitStatus.badInput)
        case .badLocation(let value, let reason):
            PresentedError(
                message: "invalid store \"\(value)\": \(reason)",
                hint: "use a file path such as ~/.local/state/kubectl-heal/memory.sqlite or configmap://NAMESPACE/NAME",
                exitCode: ExitStatus.usage)
        case .ambiguousID(let id, let matches):
            PresentedError(
                message: "pattern id \(id) matches \(matches.count) patterns: \(matches.joined(separator: ", "))",
                hint: "type more characters of the id", exitCode: ExitStatus.usage)
        case .badDocument(let file, let reason):
            PresentedError(
                message: "\(file) is not a LearnedMemory document: \(reason)",
                hint: "import a file written by `kubectl heal learn export`", exitCode: ExitStatus.badInput)
        case .conflict(let location, let attempts):
            PresentedError(
                message: "the store \(location) kept changing under this write: \(attempts) attempts each met a newer version written by someone else",
                hint: "many writers are racing; try again in a moment", exitCode: ExitStatus.temporaryFailure)
        case .busy(let location, let seconds):
            PresentedError(
                message: "the store \(location) stayed locked by another process for \(seconds)s",
                hint: "another kubectl-heal is writing (a large import?); try again when it is done", exitCode: ExitStatus.temporaryFailure)
        case .cluster(let location, let message, let exitCode):
            PresentedError(
                message: "the store \(location) could not be used: \(message)",
                hint: exitCode == ExitStatus.permissionDenied
                    ? "the store needs get, create and update on configmaps in its namespace (check with `kubectl auth can-i update configmaps -n NAMESPACE`)"
                    : "check the cluster flags (--context, --kubeconfig) and that the namespace exists, or use a local --store PATH",
                exitCode: exitCode)
        case .tooLarge(let location, let bytes, let limit):
            PresentedError(
                message: "the memory in \(location) needs \(bytes) bytes even without attempts; a ConfigMap holds \(limit)",
                hint: "forget or prune patterns (`kubectl heal learn prune --older-than 30d`), or use a file store", exitCode: ExitStatus.badInput)
        }
    }
}
