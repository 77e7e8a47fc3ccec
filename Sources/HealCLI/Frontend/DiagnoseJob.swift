import Foundation
import HealAnalysis
import HealKube
import HealModel
import Logging

/// The library entry point behind `diagnose`: get a snapshot (live or from files), run the
/// analyzers, assemble the versioned report. Warnings about what could not be read go to
/// stderr; the report lists them too.
struct DiagnoseJob {
    let environment: CLIEnvironment
    let logger: Logger

    init(environment: CLIEnvironment, logLevel: Logger.Level) {
        self.environment = environment
        self.logger = StandardErrorLogHandler.logger("heal", sink: environment.standardError, level: logLevel)
    }

    /// A diagnosis with what it was made from: the healing loop needs the pods, logs and
    /// templates behind the findings, and the connection to act on.
    struct Outcome {
        var report: DiagnosisReport
        var snapshot: ClusterSnapshot
        var connection: ClusterConnection?
    }

    func run(_ request: DiagnoseRequest) async throws -> Outcome {
        let snapshot: ClusterSnapshot
        let source: DiagnosisReport.Source
        let namespaces: [String]?
        var connection: ClusterConnection?
        switch request.source {
        case .snapshot(let path):
            snapshot = try loadSnapshot(path, request: request)
            source = DiagnosisReport.Source(type: "snapshot", path: path)
            namespaces = request.namespace.map { [$0] }
        case .cluster(let overrides):
            let live = try KubeconfigLoader(environment: environment.configEnvironment).load(overrides)
            let namespace = request.allNamespaces ? nil : (request.namespace ?? live.namespace)
            snapshot = try await collect(live, namespace: namespace, request: request)
            source = DiagnosisReport.Source(type: "cluster", context: live.contextName, server: live.server)
            namespaces = namespace.map { [$0] }
            connection = live
        }
        for target in request.options.targets where snapshot.collected.contains(target.kind) && !snapshot.contains(target.kind, named: target.name) {
            throw CLIError.targetNotFound(type: target.kind.kind.lowercased(), name: target.name, namespace: namespaces?.first)
        }
        for unreadable in snapshot.unreadable {
            let scope = unreadable.namespace.map { " in namespace \($0)" } ?? ""
            logger.warning("cannot read \(unreadable.resource)\(scope) (\(unreadable.reason)): the report does not cover it. \(unreadable.message)")
        }
        let now = Timestamp(environment.now())
        let referenceTime = snapshot.referenceTime ?? now
        let diagnosis = Diagnoser.diagnose(snapshot, options: request.options, now: referenceTime)
        for (analyzer, missing) in diagnosis.skipped {
            logger.info("analyzer \(analyzer) skipped: no \(missing.map(\.plural).joined(separator: ", ")) in the input")
        }
        let report = DiagnosisReport(
            diagnosis: diagnosis, snapshot: snapshot, source: source, namespaces: namespaces,
            generatedAt: now, referenceTime: referenceTime)
        return Outcome(report: report, snapshot: snapshot, connection: connection)
    }

    private func loadSnapshot(_ path: String, request: DiagnoseRequest) throws -> ClusterSnapshot {
        let loaded = try SnapshotLoader().load(path)
        if !loaded.ignoredFiles.isEmpty {
            logger.info("ignored \(loaded.ignoredFiles.count) file(s) without Kubernetes objects: \(loaded.ignoredFiles.joined(separator: ", "))")
        }
        if !loaded.skippedKinds.isEmpty {
            logger.info("skipped kinds diagnose does not read: \(loaded.skippedKinds.joined(separator: ", "))")
        }
        return loaded.snapshot.restricted(toNamespace: request.namespace, excluding: request.excludedNamespaces)
    }

    private func collect(_ connection: ClusterConnection, namespace: String?, request: DiagnoseRequest) async throws -> ClusterSnapshot {
        logger.info("reading \(namespace.map { "namespace \($0)" } ?? "all namespaces") from \(connection.server) (\(connection.origin))")
        let client = KubeClient(connection: connection, logger: logger)
        let scope = CollectionScope(
            namespace: namespace, excludedNamespaces: request.excludedNamespaces, kinds: kindsToCollect(request.options))
        let progress = ProgressReporter(sink: environment.standardError, enabled: environment.standardErrorIsTerminal)
        defer { progress.finish() }
        do {
            return try await SnapshotCollector(client: client, logger: logger).collect(scope) { progress.update($0) }
        } catch {
            throw ClusterFailure(
                underlying: error,
                situation: ErrorPresenter.Situation(context: connection.contextName, server: connection.server, user: connection.userName))
        }
    }

    /// The kinds the selected analyzers need, plus the ones every diagnosis uses for owners,
    /// evidence and explanations.
    private func kindsToCollect(_ options: DiagnosisOptions) -> Set<ResourceKind> {
        let selected = options.selectedAnalyzers()
        let required = selected.reduce(into: Set<ResourceKind>()) { $0.formUnion($1.descriptor.reads) }
        return required.union([.pods, .events, .replicaSets, .deployments, .nodes, .services, .endpointSlices, .persistentVolumeClaims])
    }
}
