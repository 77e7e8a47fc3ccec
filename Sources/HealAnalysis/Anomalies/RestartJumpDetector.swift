import Foundation
import HealModel

/// A container restarting far more often in the last day than it used to: kube-state-metrics'
/// restart counters over the last day against the days before, judged by how unlikely that many
/// restarts would be if its old rate had held (a Poisson tail under 0.1 %), and at least three
/// restarts and three times the old daily rate. A container that always restarts this often
/// (a saw-tooth OOM every few hours) stays silent: its jump is its baseline.
package enum RestartJumpDetector {
    package static let minimumRestarts = 3
    static let unlikely = 0.001

    /// `recent`: per pod, restarts over the last day; `earlier`: restarts of all pods over
    /// `earlierSeconds` before that.
    package static func detect(workload: ResourceRef, container: String, recent: [String: Double], earlier: Double, earlierSeconds: Double) -> Anomaly? {
        let count = Int(recent.values.reduce(0, +).rounded())
        let earlierDays = earlierSeconds / 86_400
        guard count >= minimumRestarts, earlierDays >= 1 else { return nil }
        let perDay = max(0, earlier) / earlierDays
        // No restart before still allows a rate of one in the whole baseline.
        let chance = poissonTail(atLeast: count, mean: max(perDay, 1 / earlierDays))
        guard Double(count) >= 3 * perDay, chance < unlikely else { return nil }
        let rate = String(format: perDay < 10 ? "%.1f" : "%.0f", perDay)
        return Anomaly(
            code: .restartRateJump, severity: count >= 12 ? .critical : .warning, workload: workload, container: container,
            summary: "\(count) restarts in the last day against \(rate) a day over the \(DurationText.format(seconds: earlierSeconds)) before",
            evidence: recent.filter { $0.value.rounded() >= 1 }.sorted { $0.key < $1.key }.map { "\($0.key): \(Int($0.value.rounded())) restarts in the last day" }
                + [String(format: "that many at the old rate: a chance of %.1g", chance)],
            confidence: 0.9,
            action: "`kubectl heal diagnose \(workload.typeAndName)` says why it restarts (last termination, logs); `kubectl heal timeline \(workload.typeAndName)` what changed",
            pods: [])
    }

    /// P(X ≥ k) for X ~ Poisson(mean), summed from k up (not 1 minus the rest, which loses
    /// the tiny tails this is about to rounding).
    static func poissonTail(atLeast k: Int, mean: Double) -> Double {
        var logTerm = -mean + Double(k) * log(mean) - lgamma(Double(k) + 1)
        var tail = 0.0
        for i in k..<(k + 1000) {
            let term = exp(logTerm)
            tail += term
            if term < tail * 1e-12 { break }
            logTerm += log(mean) - log(Double(i + 1))
        }
        return min(1, tail)
    }
}
