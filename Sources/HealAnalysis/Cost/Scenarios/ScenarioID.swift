/// The scenarios `cost scenarios` prices; the raw values are stable ids for `--baseline` and
/// the JSON output.
package enum ScenarioID: String, Sendable, Equatable, CaseIterable, Encodable {
    case alwaysOn = "always-on"
    case blueGreen = "blue-green"
    case peakScaling = "peak-scaling"
    case scaleToZero = "scale-to-zero"
    case rightSized = "right-sized"
    case warmStandby = "warm-standby"
    case coldStandby = "cold-standby"

    package var title: String {
        switch self {
        case .alwaysOn: "Always on, one colour"
        case .blueGreen: "Blue and green, both always on"
        case .peakScaling: "Peak scaling"
        case .scaleToZero: "Scale to zero off-hours"
        case .rightSized: "Right-sized requests"
        case .warmStandby: "Warm standby"
        case .coldStandby: "Cold standby"
        }
    }

    /// The scenario `--baseline NAME` names.
    package init(baseline name: String) throws(ScenarioError) {
        guard let id = ScenarioID(rawValue: name) else {
            throw .unknownBaseline(name, valid: Self.allCases.map(\.rawValue))
        }
        self = id
    }
}
