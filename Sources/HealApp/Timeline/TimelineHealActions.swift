import Foundation
import HealAnalysis
import HealKube
import HealModel
import HealStore
import Logging

/// kubectl-heal's own changes (`--fix`, `--watch --fix`) from the store's audit trail, as
/// timeline entries with their outcome. Records are redacted when made, so their patches are
/// safe to print. The store is only read: a default store that does not exist means kubectl-heal
/// never acted from here, and is not created; a `--store` that does not exist is an error.
struct TimelineHealActions {
    let environment: AppEnvironment
    let logger: Logger

    /// The attempts finished since `since`, on the cluster `context` names (any context's from
    /// snapshot files, where the cluster is not known).
    func read(store: String?, client: KubeClient?, context: String?, since: Date) async throws -> TimelineBuilder.Recorded {
        let location = try environment.storeLocation(store)
        let opened: any FixStore
        switch location {
        case .file(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                if store != nil { throw StoreError.cannotOpen(location: path, reason: "no such file (a timeline reads a store, it never creates one)") }
                return note(location, "no store at \(path): kubectl-heal has not acted from this machine (another store is chosen with --store).")
            }
            opened = try SQLiteFixStore(path: path, now: environment.now)
        case .configMap(let namespace, let name):
            guard let client else { return note(location, "the store is in the cluster; snapshot files do not hold it.") }
            opened = ConfigMapFixStore(client: client, namespace: namespace, name: name, now: environment.now)
        }
        let attempts: [AttemptRecord]
        do {
            attempts = try await opened.attempts(finishedSince: since).filter { context == nil || $0.context == context }
        } catch {
            // The timeline is worth having without them; the gap is said.
            logger.warning("kubectl-heal's own actions could not be read from \(location): \(error)")
            return note(location, "could not be read (\(error)); kubectl-heal's own actions are missing.")
        }
        return TimelineBuilder.Recorded(
            entries: attempts.map(Self.entry),
            coverage: [Timeline.Coverage(
                source: "heal store", from: nil,
                note: "\(location) keeps every attempt kubectl-heal made\(context.map { " on \($0)" } ?? " (from any context)") until `learn prune`.")])
    }

    private func note(_ location: StoreLocation, _ text: String) -> TimelineBuilder.Recorded {
        TimelineBuilder.Recorded(coverage: [Timeline.Coverage(source: "heal store", from: nil, note: text)])
    }

    /// A change left live (verified, or applied and not yet verified) can set off what follows;
    /// one undone or never applied cannot.
    static func entry(_ attempt: AttemptRecord) -> TimelineEntry {
        let workload = ResourceRef(kind: attempt.workload.kind, namespace: attempt.workload.namespace, name: attempt.workload.name)
        let live = attempt.outcome == .succeeded || attempt.outcome == .unverified
        let container = attempt.container.map { " (container \($0))" } ?? ""
        return TimelineEntry(
            time: Timestamp(attempt.startedAt), until: Timestamp(attempt.finishedAt), kind: .heal, object: workload, workload: workload,
            title: "kubectl-heal \(attempt.action) on \(workload.typeAndName)",
            sentence: "kubectl-heal \(attempt.action) on \(workload.typeAndName)\(container) for \(attempt.findingCode): \(attempt.outcome.rawValue)"
                + (attempt.verification.isEmpty ? "." : " — \(attempt.verification.hasSuffix(".") ? String(attempt.verification.dropLast()) : attempt.verification)."),
            evidence: ["patch: \(attempt.patch.count > 300 ? attempt.patch.prefix(299) + "…" : attempt.patch)", "by \(attempt.user) on \(attempt.context), \(attempt.source.rawValue) plan, attempt \(attempt.id)"],
            isChange: live)
    }
}
