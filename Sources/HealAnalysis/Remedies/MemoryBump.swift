import HealModel

/// The next memory limit after an OOM kill: max(+100Mi, ×1.2), rounded up to a whole Mi.
package enum MemoryBump {
    package static let minimumStepBytes = 100.0 * 1_048_576

    package static func next(after limitBytes: Double) -> Double {
        let raised = max(limitBytes + minimumStepBytes, limitBytes * 1.2)
        return (raised / 1_048_576).rounded(.up) * 1_048_576
    }
}
