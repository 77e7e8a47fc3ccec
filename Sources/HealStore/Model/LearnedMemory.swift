import HealModel

/// The memory limits healing found a workload needed: from verified `raise-memory-limit`
/// fixes, by container. `recommend-limits` shows them and never recommends below them.
package enum LearnedMemory {
    package static let action = "raise-memory-limit"

    /// Container name → bytes. Several patterns for one container (different fingerprints)
    /// give the largest value.
    package static func bytes(in patterns: [LearnedPattern], for workload: WorkloadKey) -> [String: Double] {
        var values: [String: Double] = [:]
        for pattern in patterns where pattern.action == action {
            guard let container = pattern.template["container"], let text = pattern.learnedValues[workload.description]?["to"],
                let quantity = Quantity(text)
            else { continue }
            values[container] = max(values[container] ?? 0, quantity.value)
        }
        return values
    }
}
