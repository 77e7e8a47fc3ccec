/// A `--snapshot` that cannot be used. Maps to exit code 65 (bad input data).
package enum SnapshotError: Error, Sendable, Equatable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case invalid(path: String, detail: String)
    /// The path holds no Kubernetes objects that diagnose reads.
    case empty(path: String)
}
