import Foundation
import HealAnalysis
import HealKube
import HealModel
import HealUsage
import Logging

/// The use case behind `diagnose` and the MCP `diagnose` tool: get a snapshot (live or from files), run the
/// analyzers, assemble the versioned report. Warnings about what could not be read go to
/// stderr; the report lists them too.
package struct DiagnoseJob {
    let environment: AppEnvironment
    let logger: Logger

    package init(environment: AppEnvironment, logLevel: Logger.Level) {
        self.environment = environment
        self.logger = environment.logger(level: logLevel)
    }

    /// A diagnosis with what it was made from: the healing loop needs the pods, logs and
    /// templates behind the findings, and the connection to act on.
    package struct Outcome: Sendable {
        package var report: DiagnosisReport
        package var snapshot: ClusterSnapshot
        package var connection: ClusterConnection?
        /// The client the snapshot was read with (nil for snapshot files).
        package var client: KubeClient?
        /// Informers kept for that cluster between calls, when the front end keeps them.
        package var informers: SharedInformers?
        /// With `--anomalies`: the findings the history gave, for a watch to read again.
        package var history: HistoryRead?
    }

    package struct HistoryRead: Sendable {
        package var findings: [Finding]
        /// Under `--watch`: the read failed and the watch starts without it.
        package var failed = false
    }

    package func run(_ request: DiagnoseRequest) async throws -> Outcome {
        let read = try await SnapshotReader(environment: environment, logger: logger).read(SnapshotReader.Request(
            source: request.source, namespace: request.namespace, allNamespaces: request.allNamespaces,
            excludedNamespaces: request.excludedNamespaces, kinds: Self.kindsToCollect(request.options), logs: LogPolicy()))
        let snapshot = read.snapshot
        for target in request.options.targets where snapshot.collected.contains(target.kind) && !snapshot.contains(target.kind, named: target.name) {
            throw AppError.targetNotFound(type: target.kind.kind.lowercased(), name: target.name, namespace: read.namespaces?.first)
        }
        let now = Timestamp(environment.now())
        let referenceTime = snapshot.referenceTime ?? now
        var options = request.options
        var history: HistoryRead?
        if let anomalies = request.anomalies {
            do {
                // History up to now for a live cluster (the app's clock, as the watch's reads
                // use), up to the files' own time for snapshot files.
                let found = try await AnomalyDetection.read(
                    anomalies, workloads: WorkloadResources.all(in: snapshot), end: read.connection == nil ? referenceTime : now, client: read.client,
                    namespace: read.namespaces?.first, environment: environment, logger: logger)
                options.historyFindings = found.anomalies.map(\.finding)
                history = HistoryRead(findings: options.historyFindings)
            } catch where anomalies.watching && !AnomalyDetection.isBadFlag(error) {
                logger.warning("anomalies: usage history could not be read (\(environment.describeError(error))); the watch starts without it and reads it again in \(DurationText.format(seconds: min(anomalies.intervalSeconds, AnomalyRefresh.firstRetry.seconds)))")
                history = HistoryRead(findings: [], failed: true)
            }
        }
        let diagnosis = Diagnoser.diagnose(snapshot, options: options, now: referenceTime)
        for (analyzer, missing) in diagnosis.skipped {
            logger.info("analyzer \(analyzer) skipped: no \(missing.map(\.plural).joined(separator: ", ")) in the input")
        }
        let report = DiagnosisReport(
            diagnosis: diagnosis, snapshot: snapshot, source: read.source, namespaces: read.namespaces,
            generatedAt: now, referenceTime: referenceTime)
        return Outcome(report: report, snapshot: snapshot, connection: read.connection, client: read.client, informers: read.informers, history: history)
    }

    /// The kinds the selected analyzers need, plus the ones every diagnosis uses for owners,
    /// evidence and explanations (what the in-cluster healer's ClusterRole must let it read).
    package static func kindsToCollect(_ options: DiagnosisOptions) -> Set<ResourceKind> {
        let selected = options.selectedAnalyzers()
        let required = selected.reduce(into: Set<ResourceKind>()) { $0.formUnion($1.descriptor.reads.union($1.descriptor.alsoReads)) }
        // Jobs too: a Job that succeeded on a later attempt makes its failed attempts history.
        // Every kind that owns pods, so that an owner's heal.kubectl.io/ignore annotation and a
        // rule's selector on its labels apply whichever analyzers run.
        return required.union([
            .pods, .events, .replicaSets, .deployments, .statefulSets, .daemonSets, .jobs, .cronJobs, .nodes, .services, .endpointSlices,
            .persistentVolumeClaims,
        ])
    }
}
