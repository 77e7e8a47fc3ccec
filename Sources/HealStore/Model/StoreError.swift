/// Why the memory could not be read or written. Each case names the store and carries a hint.
package enum StoreError: Error, Sendable, Equatable {
    /// The file or folder cannot be created/opened (permissions, read-only file system).
    case cannotOpen(location: String, reason: String)
    /// Not a kubectl-heal store, or damaged beyond what SQLite recovers (exit 65).
    case corrupt(location: String, reason: String)
    /// Written by a newer kubectl-heal (schema version above what this build knows).
    case newerSchema(location: String, found: Int, supported: Int)
    /// `--store` value that is neither a path nor `configmap://NAMESPACE/NAME`.
    case badLocation(String, reason: String)
    /// An id prefix matching several patterns.
    case ambiguousID(String, matches: [String])
    /// An import file that is not a `LearnedMemory` document.
    case badDocument(file: String, reason: String)
    /// Concurrent writers kept winning (ConfigMap store) after bounded retries (exit 75).
    case conflict(location: String, attempts: Int)
    /// The cluster refused or failed a ConfigMap store request (message from the API error).
    case cluster(location: String, message: String, exitCode: Int32)
    /// Another process kept the SQLite file locked for longer than the busy timeout (exit 75).
    case busy(location: String, waitedSeconds: Int)
    /// The patterns alone (every attempt already dropped) exceed what the ConfigMap can hold.
    case tooLarge(location: String, bytes: Int, limit: Int)
}
