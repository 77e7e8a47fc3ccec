import HealModel

/// What an hourly usage series measures, for the detectors that read CPU and memory alike: how
/// its figures print and how small a change is too small to mention.
package enum UsageMeasure: String, Sendable {
    /// Cores.
    case cpu
    /// Bytes.
    case memory

    var noun: String {
        switch self {
        case .cpu: "CPU"
        case .memory: "memory"
        }
    }

    func format(_ value: Double) -> String {
        switch self {
        case .cpu: Quantity.formatCores(value)
        case .memory: Quantity.formatBytes(value)
        }
    }

    /// The smallest change worth a word: 50m of CPU, 32Mi of memory.
    var smallestChange: Double {
        switch self {
        case .cpu: 0.05
        case .memory: 32 * 1_048_576
        }
    }

    /// The spread assumed at least, so a series flat to the last digit does not turn every
    /// wobble into a shift: 5m of CPU, 1Mi of memory.
    var spreadFloor: Double {
        switch self {
        case .cpu: 0.005
        case .memory: 1_048_576
        }
    }
}
