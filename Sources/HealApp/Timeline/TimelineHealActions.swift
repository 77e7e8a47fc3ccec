import Foundation
import HealActions
import HealAnalysis
import HealKube
import HealModel
import HealStore
import Logging
import Synchronization

/// kubectl-heal's own changes (`--fix`, `--watch --fix`) from the store's audit trail, as
/// timeline entries with their outcome. The store is opened once and only read: a SQLite file
/// read-only, never created or migrated. The default store missing or unreadable is a line of
/// the coverage; a `--store` that cannot be read is an error.
final class TimelineHealActions: Sendable {
    private let location: StoreLocation
    private let store: (any FixStore)?
    /// Why there is no store to read, for the coverage.
    private let absence: String?
    /// The names a record of this cluster carries (`HealIdentity`: the context's name, else the
    /// server); nil: every record (snapshot files name no cluster; a configmap:// store lives in
    /// the cluster it is about).
    private let names: Set<String>?
    private let logger: Logger
    /// A read failure is said once until a read succeeds again.
    private let failing = Mutex(false)

    init(store flag: String?, client: KubeClient?, environment: AppEnvironment, logger: Logger) throws {
        self.logger = logger
        location = try environment.storeLocation(flag)
        switch location {
        case .file(let path):
            var opened: (any FixStore)?
            var absence: String?
            do {
                opened = try SQLiteFixStore(readingOnly: path, now: environment.now)
            } catch {
                if flag != nil { throw error }
                if FileManager.default.fileExists(atPath: path) {
                    logger.warning("the heal store \(path) could not be read (\(error)); the timeline goes on without kubectl-heal's own actions")
                    absence = "\(path) could not be read (\(error)); kubectl-heal's own actions are missing."
                } else {
                    absence = "no store at \(path): kubectl-heal has not acted from this machine (another store is chosen with --store)."
                }
            }
            store = opened
            self.absence = absence
            names = client.map { Set([$0.connection.contextName, $0.connection.server].compactMap { $0 }) }
        case .configMap(let namespace, let name):
            store = client.map { ConfigMapFixStore(client: $0, namespace: namespace, name: name, now: environment.now) }
            absence = client == nil ? "\(location) is in the cluster; snapshot files do not hold it." : nil
            names = nil
        }
    }

    /// The attempts finished since `since`.
    func read(since: Date) async -> TimelineBuilder.Recorded {
        guard let store else { return Self.note(absence ?? "") }
        let attempts: [AttemptRecord]
        do {
            attempts = try await store.attempts(finishedSince: since).filter { names?.contains($0.context) ?? true }
            failing.withLock { $0 = false }
        } catch {
            if !failing.withLock({ state in defer { state = true }; return state }) {
                logger.warning("kubectl-heal's own actions could not be read from \(location): \(error)")
            }
            return Self.note("\(location) could not be read (\(error)); kubectl-heal's own actions are missing.")
        }
        let scope = names.map { " on \($0.sorted().joined(separator: " or "))" } ?? " (from any context)"
        return TimelineBuilder.Recorded(
            entries: attempts.map(Self.entry),
            coverage: [Timeline.Coverage(source: "heal store", from: nil, note: "\(location) keeps every attempt kubectl-heal made\(scope) until `learn prune`.")])
    }

    /// A patch with every env value masked, as the executor records it; one that is not JSON is
    /// left to the scrubber.
    private static func redacted(_ patch: String) -> String {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(patch.utf8)) else { return patch }
        return EnvRedaction.redact(value).sortedText
    }

    private static func note(_ text: String) -> TimelineBuilder.Recorded {
        TimelineBuilder.Recorded(coverage: [Timeline.Coverage(source: "heal store", from: nil, note: text)])
    }

    /// A change left live (verified, or applied and not yet verified) can set off what follows;
    /// one undone or never applied cannot. The patch was redacted when recorded; it is redacted
    /// again here, for records imported from elsewhere.
    static func entry(_ attempt: AttemptRecord) -> TimelineEntry {
        let workload = ResourceRef(kind: attempt.workload.kind, namespace: attempt.workload.namespace, name: attempt.workload.name)
        let live = attempt.outcome == .succeeded || attempt.outcome == .unverified
        let container = attempt.container.map { " (container \($0))" } ?? ""
        let patch = SecretScrubber.scrub(redacted(attempt.patch))
        return TimelineEntry(
            time: Timestamp(attempt.startedAt), until: Timestamp(attempt.finishedAt), kind: .heal, object: workload, workload: workload,
            title: "kubectl-heal \(attempt.action) on \(workload.typeAndName)",
            sentence: "kubectl-heal \(attempt.action) on \(workload.typeAndName)\(container) for \(attempt.findingCode): \(attempt.outcome.rawValue)"
                + (attempt.verification.isEmpty ? "." : " — \(attempt.verification.hasSuffix(".") ? String(attempt.verification.dropLast()) : attempt.verification)."),
            evidence: ["patch: \(patch.count > 300 ? patch.prefix(299) + "…" : patch)", "by \(attempt.user) on \(attempt.context), \(attempt.source.rawValue) plan, attempt \(attempt.id)"],
            isChange: live)
    }
}
