import Synchronization
import HealAnalysis
import HealModel

/// `diagnose --watch --anomalies`: the latest findings from usage history, re-read beside the
/// watch (`AnomalyRefresh`) while every diagnosis adds them to what the informers show. The
/// watcher tells it what the cluster runs now, and diagnoses again when a new read lands.
package final class HistoryFindings: Sendable {
    private struct State {
        var findings: [Finding]
        var generation = 0
        var snapshot: ClusterSnapshot
    }

    private let state: Mutex<State>

    /// `findings`: the read the first diagnosis used; `snapshot`: what it was made from.
    package init(findings: [Finding], snapshot: ClusterSnapshot) {
        state = Mutex(State(findings: findings, snapshot: snapshot))
    }

    /// Counts the reads that landed: the watcher diagnoses again when it moves.
    package var generation: Int { state.withLock(\.generation) }

    /// The cluster as the watcher last diagnosed it: the workloads the next read covers.
    package var snapshot: ClusterSnapshot { state.withLock(\.snapshot) }

    package func update(_ findings: [Finding]) {
        state.withLock {
            $0.findings = findings
            $0.generation += 1
        }
    }

    /// The findings of workloads `snapshot` still has (one deleted since the read says
    /// nothing), and `snapshot` kept for the next read.
    package func findings(for snapshot: ClusterSnapshot) -> [Finding] {
        let findings = state.withLock {
            $0.snapshot = snapshot
            return $0.findings
        }
        return findings.filter { finding in
            let workload = finding.workload
            guard let kind = ResourceKind(kind: workload.kind) else { return false }
            return snapshot.metadata(of: kind).contains { $0.name == workload.name && $0.namespace == workload.namespace }
        }
    }
}
