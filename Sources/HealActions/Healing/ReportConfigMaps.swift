import Foundation
import HealAnalysis
import HealKube
import HealModel
import Logging
import Synchronization

/// `--watch --report-configmaps`: the latest diagnosis of each namespace as a ConfigMap in the
/// watcher's own namespace (`heal-report.NAMESPACE`; `heal-report-cluster` for nodes, volumes
/// and cluster-wide errors), labelled `heal.kubectl.io/report`, so
/// `kubectl get cm -l heal.kubectl.io/report -n kubectl-heal` lists them with no CRD. A
/// ConfigMap is written only when its namespace's findings or summary changed (ages are not a
/// change), from a task of its own at most every `interval`, the newest diagnosis winning: a
/// burst of changes or a thousand namespaces never holds up the watch.
package final class ReportConfigMaps: Sendable {
    package static let label = "heal.kubectl.io/report"
    package static let namespaceLabel = "heal.kubectl.io/namespace"
    package static let dataKey = "report.json"
    /// A ConfigMap holds at most 1 MiB; a report over this many bytes keeps its worst findings.
    static let byteLimit = 900_000

    private struct State {
        var pending: (report: DiagnosisReport, health: [String: NamespaceHealth])?
        var draining: Task<Void, Never>?
        var stopped = false
        /// Per namespace described, what the last successful write of its ConfigMap said.
        var written: [String: String] = [:]
        /// Write failures already said, so a missing RBAC grant is one warning, not one a diagnosis.
        var warned: Set<String> = []
    }

    private let client: KubeClient
    private let namespace: String
    /// The cluster the reports describe, as `metadata.source` says it.
    private let source: DiagnosisReport.Source
    private let interval: Duration
    /// Checked before every write: a replica that lost the Lease since the diagnosis writes
    /// nothing more.
    private let mayWrite: @Sendable () -> Bool
    private let logger: Logger
    private let state = Mutex(State())

    package init(
        client: KubeClient, namespace: String, source: DiagnosisReport.Source, interval: Duration = .seconds(5),
        mayWrite: @escaping @Sendable () -> Bool = { true }, logger: Logger
    ) {
        self.client = client
        self.namespace = namespace
        self.source = source
        self.interval = interval
        self.mayWrite = mayWrite
        self.logger = logger
    }

    /// The ConfigMap of a namespace's report ("" for the cluster-scoped part). Namespaces have
    /// no dots, so the two forms never meet.
    package static func name(for namespace: String) -> String {
        namespace.isEmpty ? "heal-report-cluster" : "heal-report.\(namespace)"
    }

    /// Hands over the newest diagnosis (of `namespaces`, nil: all); returns at once.
    package func submit(_ diagnosis: Diagnosis, snapshot: ClusterSnapshot, namespaces: [String]?, at time: Timestamp) {
        let report = DiagnosisReport(
            diagnosis: diagnosis, snapshot: snapshot, source: source, namespaces: namespaces, generatedAt: time, referenceTime: time)
        state.withLock { state in
            guard !state.stopped else { return }
            state.pending = (report, diagnosis.namespaceHealth)
            if state.draining == nil { state.draining = Task { await self.drain() } }
        }
    }

    /// Another replica may have written since this one last did (it held the Lease meanwhile):
    /// nothing is taken as already written.
    package func forgetWritten() {
        state.withLock { $0.written = [:] }
    }

    /// No write from now on, not even one in progress's next: called before the Lease is given up.
    package func stop() async {
        let draining = state.withLock { state in
            state.stopped = true
            state.pending = nil
            return state.draining
        }
        draining?.cancel()
        await draining?.value
    }

    private func drain() async {
        while let next = state.withLock({ state -> (report: DiagnosisReport, health: [String: NamespaceHealth])? in
            defer { state.pending = nil }
            if state.pending == nil { state.draining = nil }
            return state.pending
        }) {
            // A namespace written before and gone from this diagnosis (its resources deleted)
            // is written as empty, not left with what it last had.
            var health = next.health
            for described in state.withLock({ Array($0.written.keys) }) where health[described] == nil {
                health[described] = NamespaceHealth(resources: 0, healthy: 0)
            }
            let complete = await write(next.report.parts(health: health))
            // What failed is tried again after the pause, unless a newer diagnosis came.
            if !complete { state.withLock { if $0.pending == nil { $0.pending = next } } }
            do { try await Task.sleep(for: interval) } catch {
                state.withLock { $0.draining = nil }
                return
            }
        }
    }

    /// Whether every part that changed was written.
    private func write(_ parts: [String: DiagnosisReport]) async -> Bool {
        var complete = true
        for (namespace, part) in parts.sorted(by: { $0.key < $1.key }) {
            let name = Self.name(for: namespace)
            let fingerprint = Self.fingerprint(part)
            guard state.withLock({ $0.written[namespace] }) != fingerprint else { continue }
            guard !Task.isCancelled, mayWrite() else { return false }
            do {
                try await ConflictRetry().run({ try await self.put(part, name: name, namespace: namespace) })
                state.withLock { $0.written[namespace] = fingerprint }
            } catch {
                // Someone else's ConfigMap stays theirs: not retried until the report changes.
                if error is ReportConfigMapTaken { state.withLock { $0.written[namespace] = fingerprint } } else { complete = false }
                let first = state.withLock { $0.warned.insert("\(name)|\((error as? KubeError)?.httpStatus ?? 0)").inserted }
                if first { logger.warning("the report ConfigMap \(self.namespace)/\(name) could not be written: \(error)") }
            }
        }
        return complete
    }

    /// What makes a report worth writing again: the summary and each finding's code, severity,
    /// object and root cause — not its age, nor evidence that only counts on.
    static func fingerprint(_ part: DiagnosisReport) -> String {
        ([part.summary.text] + part.findings.map { "\($0.code)|\($0.severity.rawValue)|\($0.resource)|\($0.container ?? "")|\($0.rootCause)" }
            + part.errors.map { "\($0.resource)|\($0.reason)" }).joined(separator: "\n")
    }

    /// Reads the ConfigMap and creates or replaces it (under the resourceVersion read: a 409 is
    /// read again by `ConflictRetry`).
    private func put(_ part: DiagnosisReport, name: String, namespace described: String) async throws {
        var existing: [String: Any]?
        do {
            let read = try await client.object(.configMaps, namespace: namespace, name: name)
            existing = try JSONSerialization.jsonObject(with: read) as? [String: Any]
        } catch let error as KubeError where error.httpStatus == 404 {
            existing = nil
        }
        let existingLabels = (existing?["metadata"] as? [String: Any])?["labels"] as? [String: Any]
        guard existing == nil || existingLabels?[Self.label] as? String == "true" else {
            throw ReportConfigMapTaken(name: name)
        }
        var labels = ["app.kubernetes.io/managed-by": "kubectl-heal", Self.label: "true"]
        if !described.isEmpty { labels[Self.namespaceLabel] = described }
        var metadata: [String: Any] = ["name": name, "namespace": namespace, "labels": labels]
        if let version = (existing?["metadata"] as? [String: Any])?["resourceVersion"] { metadata["resourceVersion"] = version }
        let body = JSONBody.encode(["apiVersion": "v1", "kind": "ConfigMap", "metadata": metadata, "data": try Self.data(part)])
        if existing == nil {
            _ = try await client.create(.configMaps, namespace: namespace, body: body)
        } else {
            _ = try await client.replace(.configMaps, namespace: namespace, name: name, body: body)
        }
    }

    /// `report.json` (the report as `diagnose -o json` writes it), `summary` (its one line), and
    /// `truncated` when only the worst findings fit.
    static func data(_ part: DiagnosisReport) throws -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var kept = part
        var json = try encoder.encode(kept)
        while json.count > byteLimit, !kept.findings.isEmpty {
            // Findings are worst first: drop from the end, a tenth at a time.
            kept.findings.removeLast(max(1, kept.findings.count / 10))
            json = try encoder.encode(kept)
        }
        var data = [dataKey: String(decoding: json, as: UTF8.self), "summary": part.summary.text]
        if kept.findings.count < part.findings.count {
            data["truncated"] = "\(part.findings.count - kept.findings.count) of \(part.findings.count) findings left out to stay under the ConfigMap size limit (1 MiB); the summary counts them all"
        }
        return data
    }
}

/// A ConfigMap of the report's name exists and is not a report: it is left alone.
struct ReportConfigMapTaken: Error, CustomStringConvertible {
    var name: String
    var description: String { "a ConfigMap named \(name) exists without the \(ReportConfigMaps.label) label; it is not overwritten" }
}
