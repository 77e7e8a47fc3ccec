/// How far a container's requests and limits are from the recommendation, in krr's bands.
/// `unknown` (shown as "?") ranks lowest: no recommendation is not a sizing problem.
package enum SizingSeverity: String, Codable, Sendable, Comparable, CaseIterable {
    case unknown
    case good
    case ok
    case warning
    case critical

    private var rank: Int {
        switch self {
        case .unknown: 0
        case .good: 1
        case .ok: 2
        case .warning: 3
        case .critical: 4
        }
    }

    package static func < (lhs: SizingSeverity, rhs: SizingSeverity) -> Bool {
        lhs.rank < rhs.rank
    }

    /// The band of a CPU difference: ≥ 500m critical, ≥ 250m warning, ≥ 100m ok. Set on one
    /// side only is a warning; unset on both, good.
    package static func cpu(current: Double?, recommended: Double?) -> SizingSeverity {
        band(current: current, recommended: recommended, unit: 0.001, bounds: (ok: 100, warning: 250, critical: 500))
    }

    /// The band of a memory difference: ≥ 500Mi critical, ≥ 250Mi warning, ≥ 100Mi ok.
    package static func memory(current: Double?, recommended: Double?) -> SizingSeverity {
        band(current: current, recommended: recommended, unit: 1_048_576, bounds: (ok: 100, warning: 250, critical: 500))
    }

    /// Bounds are in whole `unit`s; the difference is rounded to the nearest thousandth of a unit
    /// first, so that 0.7 − 0.2 cores (0.49999999999999994 in binary) counts as the 500m it is.
    private static func band(current: Double?, recommended: Double?, unit: Double, bounds: (ok: Double, warning: Double, critical: Double))
        -> SizingSeverity
    {
        switch (current, recommended) {
        case (nil, nil): return .good
        case (nil, _), (_, nil): return .warning
        case (let current?, let recommended?):
            let units = (abs(recommended - current) / unit * 1000).rounded() / 1000
            if units >= bounds.critical { return .critical }
            if units >= bounds.warning { return .warning }
            if units >= bounds.ok { return .ok }
            return .good
        }
    }
}
