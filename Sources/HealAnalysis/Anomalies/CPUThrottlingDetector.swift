import Foundation
import HealModel

/// A container whose CPU limit throttles it in at least `threshold` of its scheduling periods
/// (the share kubernetes-mixin's CPUThrottlingHigh alert uses): its work waits, latency grows,
/// while the node may have CPU to spare. Silent below the threshold and when the CFS series
/// do not exist.
package enum CPUThrottlingDetector {
    package static let threshold = 0.25

    /// `ratios`: per pod, the throttled share over the window.
    package static func detect(workload: ResourceRef, container: String, ratios: [String: Double], limitCores: Double?, windowSeconds: Double) -> Anomaly? {
        guard let worst = ratios.max(by: { $0.value < $1.value }), worst.value >= threshold else { return nil }
        let percent = { (share: Double) in String(format: "%.0f%%", share * 100) }
        let limit = limitCores.map { "its \(Quantity.formatCores($0)) CPU limit" } ?? "its CPU limit"
        return Anomaly(
            code: .cpuThrottled, severity: worst.value >= 0.5 ? .critical : .warning, workload: workload, container: container,
            summary: "\(limit) throttled it in \(percent(worst.value)) of its scheduling periods over the last \(DurationText.format(seconds: windowSeconds)) (pod \(worst.key))",
            evidence: ratios.sorted { $0.key < $1.key }.map { "\($0.key): throttled in \(percent($0.value)) of CFS periods" },
            confidence: 0.9,
            action: "raise the CPU limit or remove it (keep the request): throttling adds latency even with CPU to spare; `kubectl heal recommend-limits \(workload.typeAndName)` sizes it",
            pods: [])
    }
}
