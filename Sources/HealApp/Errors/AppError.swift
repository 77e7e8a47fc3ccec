/// Failures a use case detects in what it was asked, as opposed to what the cluster answered.
package enum AppError: Error, Sendable, Equatable {
    /// A TYPE/NAME that names nothing in what was read.
    case targetNotFound(type: String, name: String, namespace: String?)
    /// A pricing file that cannot be read, is not YAML of the Pricing shape, or holds a bad value.
    case pricingFileInvalid(path: String, problem: String, hint: String)
    /// Healing asked of snapshot files, which have no cluster to act on.
    case liveClusterNeeded
    /// A learned pattern id (or prefix) naming no pattern in the store.
    case patternNotFound(id: String, store: String)
    /// `-n NAME` (or the context's namespace) naming a namespace that does not exist where it was
    /// read (`place`: a context, or snapshot files), with the closest names that do.
    case namespaceNotFound(name: String, place: String, closest: [String])
    /// `--all-contexts`/`--contexts-matching` left no kubeconfig context to work on.
    case noContextSelected(pattern: String?, available: [String])
    /// A history asked of snapshot files with no --prometheus-url: no cluster to find one in.
    case historyNeedsPrometheus
}
