import Foundation
import HealKube
import HealStore
import Logging

/// The use case behind `learn` and the MCP `learn_list` and `learn_stats` tools: the memory of
/// fixes listed, shown, counted, forgotten, pruned, reset, exported and imported.
package struct LearnJob {
    let store: any FixStore
    let environment: AppEnvironment

    /// Opens `store` (a SQLite path, configmap://NAMESPACE/NAME, or nil for the default);
    /// `cluster` reaches a ConfigMap store.
    package init(store: String?, cluster: ConfigOverrides, environment: AppEnvironment, logLevel: Logger.Level) throws {
        self.store = try FixStoreFactory.open(store, cluster: cluster, environment: environment, logLevel: logLevel)
        self.environment = environment
    }

    /// Where the memory is, as the documents and messages name it.
    package var location: String { store.location }

    package func list() async throws -> PatternList {
        PatternList(store: location, items: try await store.patterns())
    }

    package func stats() async throws -> StatsReport {
        // One read: patterns and attempts from the same moment of the store.
        let memory = try await store.export()
        return StatsReport(store: location, stats: LearnStats(patterns: memory.patterns, attempts: memory.attempts))
    }

    /// One pattern by id or a unique prefix of 4+ characters, with the attempts kept for it.
    package func show(_ id: String) async throws -> PatternDetail {
        let pattern = try await pattern(id)
        return PatternDetail(pattern: pattern, attempts: try await store.attempts(patternID: pattern.id))
    }

    /// The pattern forgotten, with its attempts.
    package func forget(_ id: String) async throws -> (result: CountsResult, pattern: LearnedPattern) {
        let pattern = try await pattern(id)
        let attempts = try await store.attempts(patternID: pattern.id).count
        guard try await store.forget(patternID: pattern.id) else { throw AppError.patternNotFound(id: id, store: location) }
        return (CountsResult(store: location, deleted: StoreCounts(patterns: 1, attempts: attempts), patternID: pattern.id), pattern)
    }

    /// Attempts (and patterns left with none) older than `seconds`.
    package func prune(olderThanSeconds seconds: Double) async throws -> CountsResult {
        let cutoff = environment.now().addingTimeInterval(-seconds)
        return CountsResult(store: location, deleted: try await store.prune(before: cutoff), olderThan: cutoff)
    }

    package func reset() async throws -> CountsResult {
        CountsResult(store: location, deleted: try await store.reset())
    }

    package func export() async throws -> MemoryDocument {
        try await store.export()
    }

    /// A `LearnedMemory` document read from `file` (`MemoryFile.read`, before the store is
    /// opened, so a bad file changes nothing), merged in.
    package func importing(_ document: MemoryDocument, from file: String) async throws -> ImportResult {
        ImportResult(store: location, file: file, counts: try await store.importing(document))
    }

    private func pattern(_ id: String) async throws -> LearnedPattern {
        guard let pattern = try await store.pattern(id: id) else { throw AppError.patternNotFound(id: id, store: location) }
        return pattern
    }
}
