import Foundation
import HealAnalysis
import HealKube
import Synchronization

/// What the healing loop did, as Prometheus metrics for `--watch --metrics-addr`: incidents
/// found, actions and their outcomes, how fast problems were noticed and repaired. Safe to
/// update from any task or thread; `MetricsServer` renders it on each scrape.
package final class HealMetrics: MetricsSource {
    package enum Outcome: String, Sendable, CaseIterable {
        /// Applied and verified healthy.
        case succeeded
        /// Applied, verification failed, prior state restored.
        case rolledBack = "rolled-back"
        /// A pod restart that did not help (nothing to restore).
        case failed
        /// Not applied: the policy denied it, nobody confirmed it, a limit (cooldown, actions
        /// per window, an earlier failure on the fingerprint) held it back, the server's dry
        /// run refused it, or someone else changed the same fields.
        case refused
        /// Applied and live, but neither verified nor restored (API server unreachable).
        case unverified
        /// Applied, then restored because the watcher was stopped before it verified.
        case interrupted
    }

    /// Shared by both histograms: a watch notices a problem in well under a second, while a
    /// repair includes its verification window (60 s by default, up to several minutes).
    package static let durationBuckets: [Double] = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600]

    private struct State {
        var incidents = LabelledFamily(
            name: "kubectl_heal_incidents_total", help: "Incidents detected, by finding code and namespace.",
            labelNames: ["code", "namespace"])
        var actions = LabelledFamily(
            name: "kubectl_heal_actions_total",
            help: "Remediation actions by action, outcome (succeeded, rolled-back, failed, refused, unverified, interrupted) and the source of the plan (rule, learned, llm).",
            labelNames: ["action", "outcome", "source"])
        var detectionLatency = Histogram(
            name: "kubectl_heal_detection_latency_seconds",
            help: "From the moment a problem appeared in the cluster (e.g. a container's termination) to its diagnosis.",
            bounds: HealMetrics.durationBuckets)
        var repairDuration = Histogram(
            name: "kubectl_heal_repair_duration_seconds",
            help: "From the start of an action to its outcome, verification window included. Refused actions are not observed.",
            bounds: HealMetrics.durationBuckets)
        var findings = LabelledFamily(
            name: "kubectl_heal_findings", help: "Findings of the last diagnosis, by namespace (empty for cluster-scoped objects), code and severity.",
            kind: .gauge, labelNames: ["namespace", "code", "severity"])
        var healthScores = LabelledFamily(
            name: "kubectl_heal_health_score", help: "Each namespace's health score (0-100) at the last diagnosis: the share of its resources without a warning or critical finding.",
            kind: .gauge, labelNames: ["namespace"])
        var changeToDiagnosis = Histogram(
            name: "kubectl_heal_change_to_diagnosis_seconds",
            help: "From a change reaching an informer to the end of the diagnosis that includes it (the settle time included).",
            bounds: HealMetrics.durationBuckets)
        var watchedPods = 0
        var watchReconnects = 0
        /// nil without leader election.
        var leader: Bool?
        /// A diagnosis was made from informers that had all listed.
        var ready = false
    }

    private let state = Mutex(State())
    private let startTime: Date
    /// The informers the watcher reads, asked at each scrape.
    private let informers = Mutex<SharedInformers?>(nil)

    package init(startTime: Date = .now) {
        self.startTime = startTime
    }

    /// `latencySeconds` is nil when the problem's start is unknown (no timestamp in the status).
    package func incidentDetected(code: String, namespace: String, latencySeconds: Double?) {
        state.withLock { state in
            state.incidents.increment([code, namespace])
            if let latencySeconds { state.detectionLatency.observe(latencySeconds) }
        }
    }

    /// `seconds` is the action's duration; nil for a refused action, which never ran.
    package func actionFinished(_ action: Remediation.Action, outcome: Outcome, source: Finding.Source, seconds: Double?) {
        state.withLock { state in
            state.actions.increment([action.rawValue, outcome.rawValue, source.rawValue])
            if let seconds { state.repairDuration.observe(seconds) }
        }
    }

    /// Ready (`/readyz`) once a diagnosis was made from informers that had all listed: a
    /// standby replica is ready too, its view warm for a takeover.
    package var isReady: Bool { state.withLock { $0.ready } }

    /// What the last diagnosis found, replacing what the one before did.
    package func setDiagnosis(_ diagnosis: Diagnosis, synced: Bool) {
        var counts: [[String]: Double] = [:]
        for finding in diagnosis.findings {
            counts[[finding.workload.namespace ?? "", finding.code, finding.severity.rawValue], default: 0] += 1
        }
        let scores = Dictionary(uniqueKeysWithValues: diagnosis.healthByNamespace.map { ([$0.key], Double($0.value)) })
        state.withLock { state in
            state.findings.set(counts)
            state.healthScores.set(scores)
            if synced { state.ready = true }
        }
    }

    /// The informers whose freshness each scrape reports.
    package func follow(_ informers: SharedInformers) {
        self.informers.withLock { $0 = informers }
    }

    /// How long the oldest change a diagnosis included had waited for it.
    package func changeDiagnosed(afterSeconds: Double) {
        state.withLock { $0.changeToDiagnosis.observe(afterSeconds) }
    }

    package func setWatchedPods(_ count: Int) {
        state.withLock { $0.watchedPods = count }
    }

    /// Whether this replica holds the Lease (`--leader-elect`).
    package func setLeader(_ leading: Bool) {
        state.withLock { $0.leader = leading }
    }

    /// A watch interrupted by the API server (restart, outage, dropped stream) is streaming again.
    package func watchReconnected() {
        state.withLock { $0.watchReconnects += 1 }
    }

    /// The whole exposition, in a fixed family order.
    package func render() -> String {
        let state = state.withLock { $0 }
        let informers = informers.withLock { $0 }?.statuses ?? []
        return [
            state.incidents.render(),
            state.actions.render(),
            state.detectionLatency.render(),
            state.repairDuration.render(),
            state.findings.render(),
            state.healthScores.render(),
            state.changeToDiagnosis.render(),
            Self.render(informers),
            PrometheusText.header("kubectl_heal_watched_pods", type: "gauge", help: "Pods the watcher currently follows.")
                + PrometheusText.sample("kubectl_heal_watched_pods", Double(state.watchedPods)),
            state.leader.map { leader in
                PrometheusText.header("kubectl_heal_leader", type: "gauge", help: "1 while this replica holds the Lease and acts, 0 while it stands by.")
                    + PrometheusText.sample("kubectl_heal_leader", leader ? 1 : 0)
            } ?? "",
            PrometheusText.watcherFamilies(watcher: "healing", reconnects: state.watchReconnects, startTime: startTime),
        ].joined()
    }

    /// Per informer (resource, namespace; informers of one kind and namespace with other
    /// selectors are summed): whether it is current, what it holds, and when it last heard from
    /// the API server — `time() - kubectl_heal_informer_last_event_timestamp_seconds` well over a
    /// minute on a real API server (which sends bookmarks) means a stalled watch.
    private static func render(_ statuses: [InformerStatus]) -> String {
        var synced = LabelledFamily(
            name: "kubectl_heal_informer_synced", help: "1 while an informer has listed and its watch streams, 0 during an outage or relist.",
            kind: .gauge, labelNames: ["resource", "namespace"])
        var objects = LabelledFamily(
            name: "kubectl_heal_informer_objects", help: "Objects an informer holds.", kind: .gauge, labelNames: ["resource", "namespace"])
        var heard = LabelledFamily(
            name: "kubectl_heal_informer_last_event_timestamp_seconds",
            help: "When an informer last heard from the API server (a list, a change or a bookmark), as a Unix time.",
            kind: .gauge, labelNames: ["resource", "namespace"])
        var current: [[String]: Double] = [:]
        var held: [[String]: Double] = [:]
        var last: [[String]: Double] = [:]
        for status in statuses {
            let labels = [status.scope.kind.groupResource, status.scope.namespace ?? ""]
            current[labels] = min(current[labels] ?? 1, status.current ? 1 : 0)
            held[labels, default: 0] += Double(status.objects)
            if let lastHeard = status.lastHeard { last[labels] = max(last[labels] ?? 0, lastHeard.timeIntervalSince1970) }
        }
        synced.set(current)
        objects.set(held)
        heard.set(last)
        return synced.render() + objects.render() + heard.render()
    }
}
