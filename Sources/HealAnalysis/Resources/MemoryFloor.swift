import HealModel

/// The least memory a container is known to need: one bump above the largest limit it was
/// OOM-killed at, and what healing learned was enough.
struct MemoryFloor {
    private(set) var bytes: Double?
    private(set) var reasons: [String] = []

    init(kills: [OOMKill], learnedBytes: Double?) {
        // A kill without a known limit (a pod with none, killed under node memory pressure)
        // says nothing about how much the container needs.
        if let largest = kills.compactMap(\.limitBytes).max() {
            let bumped = MemoryBump.next(after: largest)
            bytes = bumped
            reasons.append("OOM kill at \(Quantity.formatBytes(largest)) → at least \(Quantity.formatBytes(bumped))")
        } else if !kills.isEmpty {
            reasons.append("OOM kill with no known memory limit")
        }
        if let learnedBytes {
            bytes = max(bytes ?? learnedBytes, learnedBytes)
            reasons.append("learned: needed \(Quantity.formatBytes(learnedBytes)) when healed")
        }
    }
}
