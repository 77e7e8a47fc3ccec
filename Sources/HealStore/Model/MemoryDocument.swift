import Foundation

/// The export/import document (`learn export FILE`), versioned like every document kubectl-heal
/// writes: `apiVersion: heal.kubectl.io/v1alpha1`, `kind: LearnedMemory`.
package struct MemoryDocument: Codable, Sendable, Equatable {
    package static let apiVersion = "heal.kubectl.io/v1alpha1"
    package static let kind = "LearnedMemory"

    package var apiVersion: String
    package var kind: String
    package var exportedAt: Date
    package var patterns: [LearnedPattern]
    package var attempts: [AttemptRecord]

    package init(exportedAt: Date, patterns: [LearnedPattern], attempts: [AttemptRecord]) {
        apiVersion = Self.apiVersion
        kind = Self.kind
        self.exportedAt = exportedAt
        self.patterns = patterns
        self.attempts = attempts
    }
}
