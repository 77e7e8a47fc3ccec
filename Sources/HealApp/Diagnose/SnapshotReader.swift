import Foundation
import HealAnalysis
import HealKube
import HealModel
import Logging

/// Gets the objects a read-only job works on: from snapshot files, or read live from the
/// cluster the kubeconfig names. Warnings about kinds that could not be read go to stderr.
struct SnapshotReader {
    let environment: AppEnvironment
    let logger: Logger

    struct Request {
        var source: DiagnoseRequest.Source
        /// nil means the context's namespace (live) or every namespace (snapshot).
        var namespace: String?
        var allNamespaces: Bool
        var excludedNamespaces: [String] = []
        /// The kinds to read live (files hold what they hold).
        var kinds: Set<ResourceKind>
        /// Container logs to read live; nil reads none.
        var logs: LogPolicy?
    }

    struct Outcome {
        var snapshot: ClusterSnapshot
        var source: DiagnosisReport.Source
        /// The namespace worked on; nil for every namespace.
        var namespaces: [String]?
        var connection: ClusterConnection?
        /// The client the objects were read with, for whatever the job does next on the same
        /// cluster (one connection pool, one credential cache).
        package var client: KubeClient?
        /// The informers kept for that cluster between calls (`AppEnvironment.liveClusters`).
        package var informers: SharedInformers?
    }

    func read(_ request: Request) async throws -> Outcome {
        let outcome: Outcome
        switch request.source {
        case .snapshot(let path):
            outcome = Outcome(
                snapshot: try load(path, request: request), source: DiagnosisReport.Source(type: "snapshot", path: path),
                namespaces: request.namespace.map { [$0] })
        case .cluster(let overrides):
            let live = try KubeconfigLoader(environment: environment.configEnvironment).load(overrides)
            let namespace = request.allNamespaces ? nil : (request.namespace ?? live.namespace)
            let kept = environment.liveClusters?.live(live)
            let client = kept?.client ?? KubeClient(connection: live, logger: logger)
            let snapshot = try await collect(live, client: client, informers: kept?.informers, namespace: namespace, request: request)
            // Nothing at all in the namespace: empty, or a typo that must not pass as "no problems".
            if let namespace, !snapshot.holdsNamespacedObjects, await client.namespaceExists(namespace) == false {
                throw AppError.namespaceNotFound(
                    name: namespace, place: "context \(live.contextName.map { "\"\($0)\" " } ?? "")(\(live.server))",
                    closest: NamespaceSuggestion.closest(to: namespace, among: await client.namespaceNames()))
            }
            outcome = Outcome(
                snapshot: snapshot,
                source: DiagnosisReport.Source(type: "cluster", context: live.contextName, server: live.server),
                namespaces: namespace.map { [$0] }, connection: live, client: client, informers: kept?.informers)
        }
        for unreadable in outcome.snapshot.unreadable {
            let scope = unreadable.namespace.map { " in namespace \($0)" } ?? ""
            logger.warning("cannot read \(unreadable.resource)\(scope) (\(unreadable.reason)): the report does not cover it. \(unreadable.message)")
        }
        return outcome
    }

    private func load(_ path: String, request: Request) throws -> ClusterSnapshot {
        let loaded = try SnapshotLoader().load(path)
        if !loaded.ignoredFiles.isEmpty {
            logger.info("ignored \(loaded.ignoredFiles.count) file(s) without Kubernetes objects: \(loaded.ignoredFiles.joined(separator: ", "))")
        }
        if !loaded.skippedKinds.isEmpty {
            logger.info("skipped kinds kubectl-heal does not read: \(loaded.skippedKinds.joined(separator: ", "))")
        }
        let restricted = loaded.snapshot.restricted(toNamespace: request.namespace, excluding: request.excludedNamespaces)
        if let namespace = request.namespace, !restricted.holdsNamespacedObjects, loaded.snapshot.holdsNamespacedObjects {
            throw AppError.namespaceNotFound(
                name: namespace, place: "the snapshot files \(path)",
                closest: NamespaceSuggestion.closest(to: namespace, among: loaded.snapshot.namespaces))
        }
        return restricted
    }

    private func collect(
        _ connection: ClusterConnection, client: KubeClient, informers: SharedInformers?, namespace: String?, request: Request
    ) async throws -> ClusterSnapshot {
        logger.info("reading \(namespace.map { "namespace \($0)" } ?? "all namespaces") from \(connection.server) (\(connection.origin))")
        var logs = request.logs ?? LogPolicy()
        logs.enabled = request.logs != nil
        let scope = CollectionScope(namespace: namespace, excludedNamespaces: request.excludedNamespaces, kinds: request.kinds, logs: logs)
        let progress = ProgressReporter(sink: environment.standardError, enabled: environment.standardErrorIsTerminal)
        defer { progress.finish() }
        let observer = environment.collectionProgress
        do {
            return try await SnapshotCollector(client: client, informers: informers, logger: logger).collect(scope) { state in
                progress.update(state)
                observer?(state)
            }
        } catch {
            throw ClusterFailure(underlying: error, connection: connection)
        }
    }
}
