import Foundation

/// The export/import document (`learn export FILE`), versioned like every document kubectl-heal
/// writes: `apiVersion: heal.kubectl.io/v1alpha1`, `kind: LearnedMemory`. It is also what the
/// ConfigMap store keeps in its `memory.json` key. A pattern's `successes`/`failures` count
/// every attempt ever recorded, also those no longer listed in `attempts` (pruned).
package struct MemoryDocument: Codable, Sendable, Equatable {
    package static let apiVersion = "heal.kubectl.io/v1alpha1"
    package static let kind = "LearnedMemory"

    package var apiVersion: String
    package var kind: String
    package var exportedAt: Date
    package var patterns: [LearnedPattern]
    package var attempts: [AttemptRecord]
    /// The store's newest prune cutoff (absent when it never pruned): attempts finished before
    /// it are only counted, and an import into that store skips them.
    package var prunedBefore: Date?

    package init(exportedAt: Date, patterns: [LearnedPattern], attempts: [AttemptRecord]) {
        apiVersion = Self.apiVersion
        kind = Self.kind
        self.exportedAt = exportedAt
        self.patterns = patterns
        self.attempts = attempts
    }
}
